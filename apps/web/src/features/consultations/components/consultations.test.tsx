import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { queryKeys } from '../../../lib/query-keys';
import type { Consultation } from '../api/consultations';
import { ConsultationDrawer } from './consultation-drawer';
import { ConsultationForm } from './consultation-form';
import { ConsultationSearch } from './consultation-search';
import { EngagementConsultations } from './engagement-consultations';
import { TaskConsultationHold } from './task-consultations';

const ENGAGEMENT = '0195f2a0-0000-7000-8000-00000000de00';
const uuid = (n: number) => `0195f2a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const pm = { id: uuid(1), displayName: '李婧' };
const partner = { id: uuid(2), displayName: '张振华' };
const lawyer = { id: uuid(3), displayName: '王浩然' };
const lawyer2 = { id: uuid(4), displayName: '刘思远' };
const client = { id: uuid(5), displayName: '赵建华（和平里街道办事处）' };
const TOPIC = '物业企业拒不移交共有部分收益账目，居委会能否代业主起诉？';

function consultation(overrides: Partial<Consultation> & { id: string }): Consultation {
  return {
    engagementId: ENGAGEMENT,
    topic: TOPIC,
    question: '一、居委会是否具备原告主体资格？\n二、如不具备，应由谁起诉？',
    materials: '',
    dueOn: '2026-12-01',
    overdue: false,
    status: 'open',
    task: null,
    holdsTask: false,
    requestedBy: pm,
    openedAt: '2026-11-28T02:00:00.000Z',
    invitees: [
      { user: lawyer, answered: true },
      { user: lawyer2, answered: false },
      { user: partner, answered: true },
    ],
    opinions: [],
    conclusion: null,
    withdrawn: null,
    can: { opine: true, conclude: false, withdraw: false },
    ...overrides,
  };
}

// The components talk to the API through the app's typed client (which checks every answer
// against the contract); `fetch` answers as the API would, through the handler a test sets.
type Handler = (request: { method: string; path: string; search: URLSearchParams; body: unknown }) => {
  status: number;
  body: unknown;
};
let handler: Handler = () => ({ status: 404, body: {} });
const requests: { method: string; path: string; search: string; body: unknown }[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  const url = new URL(String(input), 'http://localhost');
  const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
  const method = init?.method ?? 'GET';
  requests.push({ method, path: url.pathname, search: url.search, body });
  const answer = handler({ method, path: url.pathname, search: url.searchParams, body });
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
});
const apiError = (
  status: number,
  code: string,
  message: string,
  fieldErrors?: { field: string; code: string; message: string }[],
) => ({
  status,
  body: { error: { code, message, requestId: 'req-1', ...(fieldErrors ? { fieldErrors } : {}) } },
});
afterEach(() => {
  requests.length = 0;
  handler = () => ({ status: 404, body: {} });
});

const openSelect = (field: HTMLElement) => {
  const select = field.querySelector('.ant-select') as HTMLElement;
  fireEvent.mouseDown(select.querySelector('.ant-select-content, .ant-select-selector') ?? select);
};

/** As the app renders (query client, antd in Chinese, router), with the engagement's team already loaded. */
function renderUi(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(queryKeys.engagements.detail(ENGAGEMENT), {
    team: { pm, partner, lawyers: [lawyer, lawyer2], client },
  });
  return render(
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false } }}>
        <AntdApp>
          <MemoryRouter>{ui}</MemoryRouter>
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

describe('EngagementConsultations', () => {
  it('lists open consultations first with their state, answers and task, and filters by status', async () => {
    const items = [
      consultation({
        id: uuid(11),
        topic: '业主大会决议能否约束未参会业主',
        status: 'concluded',
        openedAt: '2026-11-27T02:00:00.000Z',
        can: { opine: false, conclude: false, withdraw: false },
      }),
      consultation({
        id: uuid(12),
        overdue: true,
        holdsTask: true,
        openedAt: '2026-11-20T02:00:00.000Z',
        task: {
          id: uuid(40),
          key: 'self-governance.convention-review~anding',
          title: { zh: '审查既有居民公约', en: 'Review the existing resident convention' },
          status: 'active',
        },
      }),
    ];
    handler = ({ path, search }) => {
      if (path === `/api/engagements/${ENGAGEMENT}/consultations`) {
        const status = search.get('status');
        return {
          status: 200,
          body: { items: status ? items.filter((item) => item.status === status) : items, can: { open: true } },
        };
      }
      return { status: 404, body: {} };
    };
    renderUi(
      <EngagementConsultations
        engagementId={ENGAGEMENT}
        myId={pm.id}
        tasks={[
          {
            id: uuid(90),
            key: 'self-governance.convention-review~anding',
            label: '审查既有居民公约 · 安定门社区',
            open: true,
          },
        ]}
      />,
    );
    const rows = await screen.findAllByTestId('consultation-row');
    expect(rows.map((row) => row.getAttribute('data-consultation-id'))).toEqual([uuid(12), uuid(11)]);
    const open = within(rows[0]!);
    expect(open.getByText('征求意见中')).toBeTruthy();
    expect(open.getByText('已逾期')).toBeTruthy();
    expect(open.getByText('等待会诊')).toBeTruthy();
    expect(open.getByText('2/3 已答复')).toBeTruthy();
    expect(open.getByText('关联任务：审查既有居民公约 · 安定门社区')).toBeTruthy();
    expect(within(rows[1]!).getByText('已形成结论')).toBeTruthy();
    expect(within(rows[1]!).queryByText('已逾期')).toBeNull();
    expect(screen.getByTestId('consultation-open-button')).toBeTruthy();
    expect(screen.getByTestId('consultation-search')).toBeTruthy();

    openSelect(screen.getByTestId('consultation-status-filter'));
    fireEvent.click(await screen.findByTitle('已形成结论'));
    await waitFor(() => expect(screen.getAllByTestId('consultation-row')).toHaveLength(1));
    expect(requests.some((request) => new URLSearchParams(request.search).get('status') === 'concluded')).toBe(true);
  });

  it('offers no 发起会诊 to someone who may not open one, and says when there is nothing yet', async () => {
    handler = () => ({ status: 200, body: { items: [], can: { open: false } } });
    renderUi(<EngagementConsultations engagementId={ENGAGEMENT} myId={pm.id} tasks={[]} />);
    expect(await screen.findByText('本项目尚无会诊')).toBeTruthy();
    expect(screen.queryByTestId('consultation-open-button')).toBeNull();
  });
});

describe('ConsultationDrawer', () => {
  it('shows the opinions oldest first with their line breaks, and who has answered', async () => {
    const item = consultation({
      id: uuid(21),
      opinions: [
        { id: uuid(32), author: partner, body: '同意王律师意见。', givenAt: '2026-11-28T09:00:00.000Z' },
        {
          id: uuid(31),
          author: lawyer,
          body: '居委会不具备原告主体资格。\n建议由业主委员会起诉。',
          givenAt: '2026-11-28T03:00:00.000Z',
        },
      ],
    });
    handler = () => ({ status: 200, body: item });
    renderUi(<ConsultationDrawer engagementId={ENGAGEMENT} consultationId={item.id} onClose={vi.fn()} />);
    const opinions = await screen.findAllByTestId('consultation-opinion');
    expect(opinions[0]!.textContent).toContain('王浩然');
    expect(opinions[0]!.querySelector('.gz-consultation-text')?.textContent).toBe(
      '居委会不具备原告主体资格。\n建议由业主委员会起诉。',
    );
    expect(opinions[1]!.textContent).toContain('张振华');
    const invitees = screen.getAllByTestId('consultation-invitee');
    expect(invitees.map((invitee) => invitee.getAttribute('data-answered'))).toEqual(['true', 'false', 'true']);
    expect(screen.getByTestId('consultation-opinion-input')).toBeTruthy();
    expect(screen.queryByTestId('consultation-conclusion-input')).toBeNull();
    expect(screen.queryByTestId('consultation-withdraw-button')).toBeNull();
  });

  it('sends an opinion with its draft’s key; refused as closed, shows the API’s message and the consultation as it now is', async () => {
    const open = consultation({ id: uuid(22) });
    const concluded = consultation({
      id: uuid(22),
      status: 'concluded',
      conclusion: {
        text: '居委会不具备原告主体资格，由业主委员会经业主大会授权起诉。',
        by: partner,
        at: '2026-11-28T10:00:00.000Z',
      },
      can: { opine: false, conclude: false, withdraw: false },
    });
    let current = open;
    handler = ({ method }) => {
      if (method === 'GET') return { status: 200, body: current };
      current = concluded;
      return apiError(409, 'consultation_closed', '该会诊已形成结论或已撤回，不能再办理');
    };
    renderUi(<ConsultationDrawer engagementId={ENGAGEMENT} consultationId={open.id} onClose={vi.fn()} />);
    fireEvent.change(await screen.findByTestId('consultation-opinion-input'), {
      target: { value: '居委会可以支持业主起诉。' },
    });
    fireEvent.click(screen.getByTestId('consultation-opinion-submit'));
    expect(await screen.findByText('该会诊已形成结论或已撤回，不能再办理')).toBeTruthy();
    await screen.findByTestId('consultation-conclusion');
    expect(screen.getByTestId('consultation-conclusion').textContent).toContain('由业主委员会经业主大会授权起诉');
    expect(screen.queryByTestId('consultation-opinion-input')).toBeNull();
    const sent = requests.find((request) => request.method === 'POST');
    expect(sent?.path).toBe(`/api/engagements/${ENGAGEMENT}/consultations/${open.id}/opinions`);
    expect(sent?.body).toEqual({ body: '居委会可以支持业主起诉。', idempotencyKey: expect.stringMatching(/^web-/) });
  });
});

describe('ConsultationForm', () => {
  it('proposes a due date three days ahead, asks the team but the one asking, and sends the task it holds', async () => {
    const opened = consultation({ id: uuid(41) });
    handler = ({ method }) => (method === 'POST' ? { status: 201, body: opened } : { status: 404, body: {} });
    const onOpened = vi.fn();
    renderUi(
      <ConsultationForm
        engagementId={ENGAGEMENT}
        myId={pm.id}
        task={{
          id: uuid(90),
          key: 'self-governance.convention-review~anding',
          label: '审查既有居民公约 · 安定门社区',
          open: true,
        }}
        onClose={vi.fn()}
        onOpened={onOpened}
      />,
    );
    const today = civilDateAt(new Date());
    const due = screen.getByTestId('consultation-form-due') as HTMLInputElement;
    expect(due.value).toBe(addCalendarDays(today, 3));
    expect(due.min).toBe(today);
    expect(due.max).toBe(addCalendarDays(today, 90));
    expect((screen.getByTestId('consultation-form-holds-task') as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByTestId('consultation-form-topic'), { target: { value: TOPIC } });
    fireEvent.change(screen.getByTestId('consultation-form-question'), {
      target: { value: '居委会是否具备原告主体资格？' },
    });
    openSelect(screen.getByTestId('consultation-form-invitees'));
    fireEvent.click(await screen.findByTitle('王浩然（律师）'));
    expect(screen.getByTitle('张振华（合伙人）')).toBeTruthy();
    expect(screen.queryByTitle('李婧（项目经理）')).toBeNull();
    fireEvent.click(await screen.findByTitle('刘思远（律师）'));
    fireEvent.click(screen.getByTestId('consultation-form-submit'));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      topic: TOPIC,
      question: '居委会是否具备原告主体资格？',
      invitees: [lawyer.id, lawyer2.id],
      dueOn: addCalendarDays(today, 3),
      taskKey: 'self-governance.convention-review~anding',
      holdsTask: true,
      idempotencyKey: expect.stringMatching(/^web-/),
    });
  });

  it('shows the API’s field errors on their fields and keeps one key for every try', async () => {
    handler = () =>
      apiError(422, 'form_invalid', '表单有误', [
        { field: 'invitees.0', code: 'invalid_option', message: '该律师不在本项目团队中' },
      ]);
    renderUi(<ConsultationForm engagementId={ENGAGEMENT} myId={pm.id} onClose={vi.fn()} />);
    fireEvent.change(screen.getByTestId('consultation-form-topic'), { target: { value: TOPIC } });
    fireEvent.change(screen.getByTestId('consultation-form-question'), {
      target: { value: '居委会是否具备原告主体资格？' },
    });
    openSelect(screen.getByTestId('consultation-form-invitees'));
    fireEvent.click(await screen.findByTitle('张振华（合伙人）'));
    fireEvent.click(screen.getByTestId('consultation-form-submit'));
    expect(await screen.findByText('该律师不在本项目团队中')).toBeTruthy();
    fireEvent.click(screen.getByTestId('consultation-form-submit'));
    await waitFor(() => expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2));
    const keys = requests
      .filter((request) => request.method === 'POST')
      .map((request) => (request.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
  });

  it('asks for the topic, the question and at least one lawyer before sending anything', async () => {
    renderUi(<ConsultationForm engagementId={ENGAGEMENT} myId={pm.id} onClose={vi.fn()} />);
    fireEvent.click(screen.getByTestId('consultation-form-submit'));
    expect(await screen.findByText('请至少选择一位律师')).toBeTruthy();
    expect(screen.getAllByText('请填写')).toHaveLength(2);
    expect(requests).toHaveLength(0);
  });
});

describe('TaskConsultationHold', () => {
  it('says the task waits for the open consultation that holds it, and nothing once none does', async () => {
    const holding = consultation({ id: uuid(51), holdsTask: true });
    let items = [holding, consultation({ id: uuid(52), topic: '另一议题', holdsTask: false })];
    handler = () => ({ status: 200, body: { items, can: { open: true } } });
    const { unmount } = renderUi(
      <TaskConsultationHold engagementId={ENGAGEMENT} taskKey="self-governance.convention-review~anding" />,
    );
    const alert = await screen.findByTestId('task-consultation-hold-alert');
    expect(alert.textContent).toBe(`该任务正等待会诊结论（${TOPIC}），会诊形成结论或撤回后才能完成`);
    expect(new URLSearchParams(requests[0]?.search).get('task')).toBe('self-governance.convention-review~anding');
    unmount();
    items = [{ ...holding, status: 'concluded', can: { opine: false, conclude: false, withdraw: false } }];
    renderUi(<TaskConsultationHold engagementId={ENGAGEMENT} taskKey="self-governance.convention-review~anding" />);
    await waitFor(() => expect(requests).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('task-consultation-hold-alert')).toBeNull();
  });
});

describe('ConsultationSearch', () => {
  it('asks nothing until there are keywords, then shows each conclusion with its engagement and who concluded it', async () => {
    handler = ({ path }) =>
      path === '/api/consultations'
        ? {
            status: 200,
            body: {
              items: [
                {
                  id: uuid(61),
                  engagement: { id: ENGAGEMENT, name: '和平里街道创新社区治理法律服务项目' },
                  topic: TOPIC,
                  question: '居委会是否具备原告主体资格？',
                  conclusion: '居委会不具备原告主体资格，由业主委员会经业主大会授权起诉。',
                  concludedBy: partner,
                  concludedAt: '2026-11-28T10:00:00.000Z',
                  opinions: 2,
                },
              ],
              total: 1,
              page: 1,
              pageSize: 10,
            },
          }
        : { status: 404, body: {} };
    renderUi(<ConsultationSearch />);
    fireEvent.click(screen.getByTestId('consultation-search-submit'));
    expect(requests).toHaveLength(0);
    fireEvent.change(screen.getByTestId('consultation-search-input'), { target: { value: ' 共有部分收益 ' } });
    fireEvent.keyDown(screen.getByTestId('consultation-search-input'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    const result = await screen.findByTestId('consultation-search-result');
    expect(new URLSearchParams(requests[0]?.search).get('q')).toBe('共有部分收益');
    expect(result.textContent).toContain('和平里街道创新社区治理法律服务项目');
    expect(result.textContent).toContain('由业主委员会经业主大会授权起诉');
    expect(result.textContent).toContain('张振华 于 2026/11/28 18:00 形成结论');
    expect(result.textContent).toContain('2 条意见');
  });
});
