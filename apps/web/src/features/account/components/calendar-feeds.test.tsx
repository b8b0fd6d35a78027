import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { EngagementSummary } from '../../engagements/api/get-engagements';
import { type CalendarFeed, feedAddresses, subscribableEngagements } from '../api/calendar-feeds';
import { CalendarFeeds } from './calendar-feeds';

const uuid = (n: number) => `0195f2a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const PATH = '/api/public/calendar/gzc_0123456789abcdefghijKLMNOP';

function feed(overrides: Partial<CalendarFeed> & { id: string; name: string }): CalendarFeed {
  return { engagement: null, createdAt: '2026-11-20T02:00:00.000Z', lastReadAt: null, revokedAt: null, ...overrides };
}

function engagement(n: number, name: string, myRole: EngagementSummary['myRole']): EngagementSummary {
  return {
    id: uuid(n),
    name,
    clientName: '和平里街道办事处',
    clientKind: 'street',
    status: 'running',
    templateKey: 'community-governance',
    templateVersion: 1,
    startDate: '2026-09-01',
    plannedEndDate: '2027-08-31',
    stages: [],
    progress: { total: 10, done: 3, percent: 30 },
    overdueTaskCount: 0,
    nextDeadline: null,
    myRole,
    attention: null,
    updatedAt: '2026-11-20T02:00:00.000Z',
  };
}

// The card talks to the API through the app's typed client (which checks every answer against the
// contract); `fetch` answers as the API would, through the handler a test sets.
type Handler = (request: { method: string; path: string; body: unknown }) => { status: number; body: unknown };
let handler: Handler = () => ({ status: 404, body: {} });
const requests: { method: string; path: string; body: unknown }[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  const url = new URL(String(input), 'http://localhost');
  const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
  const method = init?.method ?? 'GET';
  requests.push({ method, path: url.pathname, body });
  const answer = handler({ method, path: url.pathname, body });
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
});
afterEach(() => {
  requests.length = 0;
  handler = () => ({ status: 404, body: {} });
});

const page = (items: EngagementSummary[]) => ({ items, total: items.length, page: 1, pageSize: 100 });
const answering =
  (feeds: CalendarFeed[], engagements: EngagementSummary[], create?: (body: unknown) => { status: number; body: unknown }): Handler =>
  ({ method, path, body }) => {
    if (path === '/api/me/calendar-feeds' && method === 'GET') return { status: 200, body: { items: feeds } };
    if (path === '/api/me/calendar-feeds' && method === 'POST' && create) return create(body);
    if (path === '/api/engagements') return { status: 200, body: page(engagements) };
    return { status: 404, body: {} };
  };

const rows = () => screen.getAllByTestId('calendar-feed');
const fillName = (value: string) => fireEvent.change(screen.getByTestId('calendar-feed-name'), { target: { value } });

describe('CalendarFeeds', () => {
  it('lists each address with its calendar, whether an app has read it, and its state; only live ones can be revoked', async () => {
    handler = answering(
      [
        feed({ id: uuid(1), name: 'iPhone 日历' }),
        feed({ id: uuid(2), name: 'Outlook', engagement: { id: uuid(50), name: '和平里街道社区治理项目' }, lastReadAt: '2026-11-21T01:30:00.000Z' }),
        feed({ id: uuid(3), name: '旧手机', revokedAt: '2026-11-22T08:00:00.000Z' }),
      ],
      [],
    );
    renderWithProviders(<CalendarFeeds />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [mine, project, revoked] = rows() as [HTMLElement, HTMLElement, HTMLElement];

    expect(mine.getAttribute('data-feed-id')).toBe(uuid(1));
    expect(mine.textContent).toContain('iPhone 日历');
    expect(mine.textContent).toContain('我的日程');
    expect(mine.textContent).toContain('尚未被日历应用读取');
    expect(mine.textContent).toContain('有效');
    expect(within(mine).getByTestId('revoke-calendar-feed')).toBeTruthy();

    expect(project.textContent).toContain('项目日历：和平里街道社区治理项目');
    expect(project.textContent).toContain('日历应用最近读取');
    expect(project.textContent).not.toContain('尚未被日历应用读取');

    expect(revoked.textContent).toContain('已停用');
    expect(within(revoked).queryByTestId('revoke-calendar-feed')).toBeNull();
    expect(screen.getByTestId('calendar-feeds').textContent).toContain('企业微信/钉钉');
  });

  it('shows the new address once, as https and webcal from the dashboard’s origin, and forgets it on close', async () => {
    const created = feed({ id: uuid(9), name: 'iPhone 日历' });
    const engagements = [engagement(50, '和平里街道社区治理项目', 'pm'), engagement(51, '安定门街道议事协商项目', 'lawyer')];
    handler = answering([], engagements, () => ({ status: 201, body: { feed: created, path: PATH } }));
    renderWithProviders(<CalendarFeeds />);
    fireEvent.click(await screen.findByTestId('new-calendar-feed'));
    fillName('  iPhone 日历 ');
    // The engagement choice arrives with the engagement list, offering only what the person leads;
    // left on "my schedule", no engagementId is sent.
    const scope = await screen.findByTestId('calendar-feed-scope');
    fireEvent.mouseDown(scope.querySelector('.ant-select-content, .ant-select-selector') ?? scope);
    expect(await screen.findByText('项目日历：和平里街道社区治理项目')).toBeTruthy();
    expect(screen.queryByText('项目日历：安定门街道议事协商项目')).toBeNull();
    fireEvent.click(screen.getByTestId('save-calendar-feed'));

    const url = await screen.findByTestId('calendar-feed-url');
    expect(url.textContent).toBe(`${window.location.origin}${PATH}`);
    expect(screen.getByTestId('calendar-feed-webcal').textContent).toBe(`webcal://${window.location.host}${PATH}`);
    expect(screen.getByText('此地址只显示这一次，请立即复制；持有此地址的人都能看到您的日程，请勿转发')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'iPhone 日历' });

    fireEvent.click(screen.getByTestId('calendar-feed-done'));
    await waitFor(() => expect(screen.queryByTestId('calendar-feed-url')).toBeNull());
    fireEvent.click(screen.getByTestId('new-calendar-feed'));
    expect(await screen.findByTestId('calendar-feed-name')).toBeTruthy();
    expect(screen.queryByTestId('calendar-feed-url')).toBeNull();
  });

  it('puts the API’s complaint about the name under the name, and hides the engagement choice from people who lead none', async () => {
    handler = answering([], [engagement(50, '和平里街道社区治理项目', 'lawyer')], () => ({
      status: 422,
      body: {
        error: {
          code: 'form_invalid',
          message: '表单填写有误，请按提示修改',
          requestId: 'req-1',
          fieldErrors: [{ field: 'name', code: 'required', message: '请为这个订阅地址起个名字，例如“手机日历”' }],
        },
      },
    }));
    renderWithProviders(<CalendarFeeds />);
    fireEvent.click(await screen.findByTestId('new-calendar-feed'));
    await waitFor(() => expect(requests.some((request) => request.path === '/api/engagements')).toBe(true));
    fillName('手机');
    fireEvent.click(screen.getByTestId('save-calendar-feed'));
    const complaint = await screen.findByText('请为这个订阅地址起个名字，例如“手机日历”');
    expect(complaint.closest('.ant-form-item')?.contains(screen.getByTestId('calendar-feed-name'))).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('calendar-feed-scope')).toBeNull();
    expect(screen.queryByTestId('calendar-feed-url')).toBeNull();
  });
});

describe('subscribableEngagements', () => {
  it('offers the engagements the person leads as PM or partner, nothing else', () => {
    const offered = subscribableEngagements([engagement(1, 'A', 'pm'), engagement(2, 'B', 'lawyer'), engagement(3, 'C', 'partner'), engagement(4, 'D', null)]);
    expect(offered.map((item) => item.name)).toEqual(['A', 'C']);
  });
});

describe('feedAddresses', () => {
  it('prefixes the origin and swaps the scheme for webcal', () => {
    expect(feedAddresses(PATH, 'https://gongzhi.example.cn')).toEqual({ https: `https://gongzhi.example.cn${PATH}`, webcal: `webcal://gongzhi.example.cn${PATH}` });
  });
});
