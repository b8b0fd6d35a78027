import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import type { Adoption } from '../api/adoptions';
import { AdoptionDrawer } from './adoption-drawer';
import { AdoptionForm } from './adoption-form';
import { EngagementAdoptions } from './engagement-adoptions';
import { MeetingForm } from './meeting-form';

// The first render waits for the contract's chunk (the API client loads it lazily): slow when the
// whole suite runs at once.
configure({ asyncUtilTimeout: 10_000 });

const ENGAGEMENT = '0195f2a0-0000-7000-8000-00000000de00';
const uuid = (n: number) => `0195f2a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const pm = { id: uuid(1), displayName: '李婧' };
const anding = { id: uuid(71), name: '安定门社区' };
const qingnianhu = { id: uuid(72), name: '青年湖社区' };
const today = civilDateAt(new Date());
const NO_QUORUM =
  '出席人数未过半数：应到 420 人，实到 200 人，至少须 211 人出席（城市居民委员会组织法第九条），会议不能举行，须另行召集';
const PASSED =
  '应到 420 人，实到 263 人（须至少 211 人）；赞成 241 票、反对 12 票、弃权 10 票（须至少 132 票赞成）；依城市居民委员会组织法第九条表决通过';
const can = { recordMeeting: false, renotice: false, file: false, withdraw: false };

function adoption(overrides: Partial<Adoption> & { id: string }): Adoption {
  return {
    engagementId: ENGAGEMENT,
    community: anding,
    instrument: 'residents_convention',
    matter: null,
    title: '《安定门社区居民公约》',
    status: 'awaiting_meeting',
    notice: {
      from: addCalendarDays(today, -20),
      to: addCalendarDays(today, -10),
      location: '社区公告栏及居民微信群',
      round: 1,
    },
    meetings: [],
    filing: null,
    drivesTasks: true,
    openedBy: pm,
    openedAt: '2026-11-01T02:00:00.000Z',
    withdrawn: null,
    can: { ...can, recordMeeting: true, renotice: true, withdraw: true },
    ...overrides,
  };
}

const residentsMeeting = (
  n: number,
  verdict: 'passed' | 'no_quorum',
  figures: { eligible: number; attendees: number; votesFor: number; votesAgainst: number; abstentions: number },
) => ({
  id: uuid(n),
  position: n - 80,
  heldOn: addCalendarDays(today, n === 81 ? -5 : -1),
  figures: { kind: 'residents' as const, ...figures },
  verdict,
  explanation: {
    zh: verdict === 'passed' ? PASSED : NO_QUORUM,
    en: verdict === 'passed' ? 'Adopted under Art. 9' : 'No quorum',
  },
  note: '',
  recordedBy: pm,
  recordedAt: '2026-11-28T02:00:00.000Z',
});
const failed = residentsMeeting(81, 'no_quorum', {
  eligible: 420,
  attendees: 200,
  votesFor: 190,
  votesAgainst: 5,
  abstentions: 5,
});
const passed = residentsMeeting(82, 'passed', {
  eligible: 420,
  attendees: 263,
  votesFor: 241,
  votesAgainst: 12,
  abstentions: 10,
});

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
const posts = () => requests.filter((request) => request.method === 'POST');
const noComments = { items: [], links: { issued: 0, used: 0 }, can: { issueLinks: false, answer: false } };
/** The drawer asks for the procedure and for its comments: `comments` answers those, `rest` the others. */
const drawer =
  (rest: Handler, comments: Handler = () => ({ status: 200, body: noComments })): Handler =>
  (request) =>
    /\/(comments|comment-links)(\/|$)/.test(request.path) ? comments(request) : rest(request);
afterEach(() => {
  requests.length = 0;
  handler = () => ({ status: 404, body: {} });
});

const openSelect = (field: HTMLElement) => {
  const select = field.querySelector('.ant-select') as HTMLElement;
  fireEvent.mouseDown(select.querySelector('.ant-select-content, .ant-select-selector') ?? select);
};

/** As the app renders: query client, antd in Chinese, router. */
function renderUi(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
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

const communities = [
  { key: 'anding', name: '安定门社区', id: anding.id },
  { key: 'qingnianhu', name: '青年湖社区', id: qingnianhu.id },
];

describe('EngagementAdoptions', () => {
  it('lists each procedure with its community, instrument, notice, votes and filing, and filters by community', async () => {
    const items = [
      adoption({ id: uuid(11), status: 'meeting_failed', meetings: [failed] }),
      adoption({
        id: uuid(12),
        community: qingnianhu,
        instrument: 'owners_rules',
        matter: 'special',
        title: '《青年湖社区3号楼加装电梯方案》',
        status: 'adopted',
        drivesTasks: false,
        notice: { from: '2026-10-01', to: '2026-10-10', location: '3号楼单元门公告栏', round: 2 },
        meetings: [
          {
            ...passed,
            figures: {
              kind: 'owners',
              totalArea: 12000,
              totalOwners: 200,
              participatingArea: 9000.5,
              participatingOwners: 150,
              areaFor: 7000,
              ownersFor: 120,
            },
          },
        ],
        can,
      }),
    ];
    handler = ({ path, search }) => {
      if (path !== `/api/engagements/${ENGAGEMENT}/adoptions`) return { status: 404, body: {} };
      const community = search.get('community');
      return {
        status: 200,
        body: {
          items: community ? items.filter((item) => item.community.id === community) : items,
          can: { open: true },
        },
      };
    };
    renderUi(<EngagementAdoptions engagementId={ENGAGEMENT} communities={communities} filedWith="和平里街道办事处" />);
    const rows = await screen.findAllByTestId('adoption-row');
    expect(rows.map((row) => row.getAttribute('data-adoption-id'))).toEqual([uuid(11), uuid(12)]);
    const first = within(rows[0]!);
    expect(first.getByText('表决未通过', { selector: '[data-testid=adoption-status]' })).toBeTruthy();
    expect(first.getByText('居民公约')).toBeTruthy();
    expect(first.getByTestId('adoption-community').textContent).toBe('安定门社区');
    expect(first.getByTestId('adoption-notice').textContent).toBe(
      `公示 ${addCalendarDays(today, -20)} 至 ${addCalendarDays(today, -10)}`,
    );
    expect(first.getByText('公示地点：社区公告栏及居民微信群')).toBeTruthy();
    expect(first.getByTestId('adoption-meetings').textContent).toBe('表决 1 次未达法定人数');
    const second = within(rows[1]!);
    expect(second.getByText('已通过')).toBeTruthy();
    expect(second.getByText('业主共同决定事项')).toBeTruthy();
    expect(second.getByText('须四分之三同意的特别事项')).toBeTruthy();
    expect(second.getByTestId('adoption-notice').textContent).toBe('公示 2026-10-01 至 2026-10-10 · 第 2 轮公示');
    expect(second.queryByTestId('adoption-filing')).toBeNull();
    expect(screen.getByTestId('adoption-open-button')).toBeTruthy();

    openSelect(screen.getByTestId('adoption-community-filter'));
    fireEvent.click(await screen.findByTitle('青年湖社区'));
    await waitFor(() => expect(screen.getAllByTestId('adoption-row')).toHaveLength(1));
    expect(requests.some((request) => new URLSearchParams(request.search).get('community') === qingnianhu.id)).toBe(
      true,
    );
  });

  it('explains a democratic procedure when there is none, with the button for the PM only', async () => {
    handler = () => ({ status: 200, body: { items: [], can: { open: true } } });
    const { unmount } = renderUi(<EngagementAdoptions engagementId={ENGAGEMENT} communities={communities} />);
    expect(await screen.findByText('本项目尚无民主程序')).toBeTruthy();
    expect(screen.getByTestId('adoptions-empty').textContent).toContain('公示不少于 7 日');
    expect(screen.getAllByTestId('adoption-open-button')).toHaveLength(1);
    unmount();
    // The client's contact (or a lawyer) reads; nobody but the PM opens one.
    handler = () => ({ status: 200, body: { items: [], can: { open: false } } });
    renderUi(<EngagementAdoptions engagementId={ENGAGEMENT} communities={communities} />);
    expect(await screen.findByText('项目经理启动民主程序后，公示、表决和备案情况将在此显示。')).toBeTruthy();
    expect(screen.queryByTestId('adoption-open-button')).toBeNull();
  });
});

describe('AdoptionDrawer', () => {
  it('leads with a failed vote’s verdict and why, lists each vote’s figures, and offers the next steps', async () => {
    const item = adoption({ id: uuid(21), status: 'meeting_failed', meetings: [failed] });
    handler = drawer(() => ({ status: 200, body: item }));
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={item.id} onClose={vi.fn()} />);
    const verdict = await screen.findByTestId('adoption-verdict');
    expect(verdict.getAttribute('data-verdict')).toBe('no_quorum');
    expect(verdict.textContent).toContain('未达法定人数，表决无效');
    expect(within(verdict).getByTestId('adoption-verdict-explanation').textContent).toBe(NO_QUORUM);
    expect(verdict.textContent).toContain('可另行召开会议表决，或修改草案后重新公示。');
    const meeting = screen.getByTestId('adoption-meeting');
    expect(within(meeting).getByTestId('adoption-verdict-tag').textContent).toBe('未达法定人数');
    const figures = within(meeting).getByTestId('adoption-figures');
    expect(figures.querySelector('[data-field=eligible]')?.textContent).toBe('应到420 人');
    expect(figures.querySelector('[data-field=votesFor]')?.textContent).toBe('赞成190 票');
    expect(screen.getByText('本程序自动办理该社区的公示、居民会议表决和备案任务。')).toBeTruthy();
    expect(screen.getByTestId('adoption-record-meeting')).toBeTruthy();
    expect(screen.getByTestId('adoption-renotice')).toBeTruthy();
    expect(screen.getByTestId('adoption-withdraw')).toBeTruthy();
    expect(screen.queryByTestId('adoption-file')).toBeNull();
  });

  it('shows a convention awaiting its filing, and proposes the client’s office in the filing form', async () => {
    const item = adoption({
      id: uuid(22),
      status: 'awaiting_filing',
      meetings: [failed, passed],
      can: { ...can, file: true, withdraw: true },
    });
    handler = drawer(() => ({ status: 200, body: item }));
    renderUi(
      <AdoptionDrawer
        engagementId={ENGAGEMENT}
        adoptionId={item.id}
        filedWith="北京市东城区和平里街道办事处"
        onClose={vi.fn()}
      />,
    );
    const verdict = await screen.findByTestId('adoption-verdict');
    expect(verdict.getAttribute('data-verdict')).toBe('passed');
    expect(verdict.textContent).toContain(PASSED);
    expect(screen.getAllByTestId('adoption-meeting')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('adoption-file'));
    const filedWith = (await screen.findByTestId('adoption-filing-filed-with')) as HTMLInputElement;
    expect(filedWith.value).toBe('北京市东城区和平里街道办事处');
    expect((screen.getByTestId('adoption-filing-filed-on') as HTMLInputElement).min).toBe(passed.heldOn);
  });

  it('offers the client’s contact nothing to do; an owners’ decision that passed binds without a filing', async () => {
    const item = adoption({
      id: uuid(23),
      instrument: 'owners_rules',
      matter: 'ordinary',
      drivesTasks: false,
      status: 'adopted',
      meetings: [{ ...passed, explanation: { zh: '参与表决……表决通过', en: 'Adopted' } }],
      can,
    });
    handler = drawer(() => ({ status: 200, body: item }));
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={item.id} onClose={vi.fn()} />);
    const verdict = await screen.findByTestId('adoption-verdict');
    expect(verdict.textContent).toContain('业主共同决定对业主具有法律约束力（《民法典》第二百八十条）；本程序不含备案环节');
    expect(screen.queryByTestId('adoption-actions')).toBeNull();
    expect(screen.queryByTestId('adoption-filing-section')).toBeNull();
  });

  it('withdraws with a reason and a key; refused because it moved on, shows the API’s words and the procedure as it is', async () => {
    const open = adoption({ id: uuid(24) });
    const adopted = adoption({
      id: uuid(24),
      status: 'adopted',
      meetings: [passed],
      filing: { filedOn: today, filedWith: '和平里街道办事处', filingNo: '和街备〔2026〕12号', by: pm },
      can,
    });
    let current = open;
    handler = drawer(({ method }) => {
      if (method === 'GET') return { status: 200, body: current };
      current = adopted;
      return apiError(409, 'adoption_closed', '该民主程序已通过备案或已撤回，不能再办理');
    });
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={open.id} onClose={vi.fn()} />);
    fireEvent.click(await screen.findByTestId('adoption-withdraw'));
    fireEvent.change(await screen.findByLabelText('撤回理由'), { target: { value: '社区决定暂缓' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('该民主程序已通过备案或已撤回，不能再办理')).toBeTruthy();
    expect(posts()[0]?.body).toEqual({ reason: '社区决定暂缓', idempotencyKey: expect.stringMatching(/^web-/) });
    await waitFor(() => expect(screen.getByTestId('adoption-detail').getAttribute('data-status')).toBe('adopted'));
    expect(screen.getByTestId('adoption-filing-section').textContent).toContain('和街备〔2026〕12号');
  });
});

describe('AdoptionDrawer: 公示意见', () => {
  const onNotice = adoption({
    id: uuid(41),
    status: 'notice',
    notice: { from: addCalendarDays(today, -3), to: addCalendarDays(today, 4), location: '社区公告栏', round: 1 },
    can: { ...can, withdraw: true },
  });
  const commentsPath = `/api/engagements/${ENGAGEMENT}/adoptions/${onNotice.id}/comments`;
  const lawyer = { id: uuid(2), displayName: '王律师' };
  const onClause = {
    id: uuid(51),
    round: 1,
    clause: '第三条',
    body: '建议将“不得在楼道堆放杂物”改为具体的清理时限。',
    signedAs: '3号楼居民 王女士',
    submittedAt: '2026-11-03T02:00:00.000Z',
    answer: { text: '已采纳，第三条增加“七日内清理”。', by: lawyer, at: '2026-11-04T03:00:00.000Z' },
  };
  const onWhole = {
    id: uuid(52),
    round: 1,
    clause: '',
    body: '整体赞成。',
    signedAs: '',
    submittedAt: '2026-11-05T02:00:00.000Z',
    answer: null,
  };
  const comments = (overrides: object = {}) => ({
    items: [onClause, onWhole],
    links: { issued: 20, used: 2 },
    can: { issueLinks: false, answer: false },
    ...overrides,
  });

  it('shows each comment with its clause, signer and answer (or none yet), and how many links came back; a download for everyone', async () => {
    handler = drawer(
      () => ({ status: 200, body: { ...onNotice, can } }),
      () => ({ status: 200, body: comments() }),
    );
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={onNotice.id} onClose={vi.fn()} />);
    const cards = await screen.findAllByTestId('adoption-comment');
    expect(screen.getByTestId('adoption-comment-links').textContent).toBe('已发放意见链接 20 个，已收回 2 份');
    const [first, second] = cards.map((card) => within(card));
    expect(first!.getByTestId('adoption-comment-clause').textContent).toBe('第三条');
    expect(first!.getByTestId('adoption-comment-body').textContent).toBe(onClause.body);
    expect(first!.getByTestId('adoption-comment-signer').textContent).toMatch(/^3号楼居民 王女士 · 2026/);
    const answer = first!.getByTestId('adoption-comment-answer');
    expect(answer.textContent).toContain('已采纳，第三条增加“七日内清理”。');
    expect(answer.textContent).toContain('王律师 于 2026');
    expect(second!.getByTestId('adoption-comment-clause').textContent).toBe('对草案整体');
    expect(second!.getByTestId('adoption-comment-signer').textContent).toMatch(/^匿名 · /);
    expect(second!.getByTestId('adoption-comment-unanswered').textContent).toBe('尚未答复');
    // The client's contact reads: no answering, no links; the record is everyone's.
    expect(screen.queryByTestId('adoption-comment-answer-button')).toBeNull();
    expect(screen.queryByTestId('adoption-comment-issue')).toBeNull();
    expect(requests.some((request) => request.path === commentsPath)).toBe(true);
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:record');
    const download = screen.getByTestId('adoption-record-download');
    expect(download.textContent).toContain('下载民主程序记录（Word）');
    fireEvent.click(download);
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    expect(
      requests.some(
        (request) => request.path === `/api/engagements/${ENGAGEMENT}/adoptions/${onNotice.id}/record.docx`,
      ),
    ).toBe(true);
    createObjectURL.mockRestore();
  });

  it('says so when no resident has commented', async () => {
    handler = drawer(() => ({ status: 200, body: onNotice }));
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={onNotice.id} onClose={vi.fn()} />);
    expect((await screen.findByTestId('adoption-comments-empty')).textContent).toBe('暂无居民意见');
    expect(screen.getByTestId('adoption-comment-links').textContent).toBe('已发放意见链接 0 个，已收回 0 份');
  });

  it('answers a comment with the trimmed text, requires one, and shows the API’s refusal', async () => {
    let refuse = true;
    let current = comments({ can: { issueLinks: true, answer: true } });
    handler = drawer(
      () => ({ status: 200, body: onNotice }),
      ({ method, body }) => {
        if (method === 'GET') return { status: 200, body: current };
        if (refuse) {
          refuse = false;
          return apiError(409, 'adoption_closed', '该民主程序已通过备案或已撤回，不能再办理');
        }
        const answered = {
          ...onWhole,
          answer: { text: (body as { answer: string }).answer, by: pm, at: '2026-11-06T02:00:00.000Z' },
        };
        current = { ...current, items: [onClause, answered] };
        return { status: 200, body: answered };
      },
    );
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={onNotice.id} onClose={vi.fn()} />);
    const buttons = await screen.findAllByTestId('adoption-comment-answer-button');
    expect(buttons.map((button) => button.textContent)).toEqual(['修改答复', '答复']);
    fireEvent.click(buttons[1]!);
    const text = await screen.findByLabelText('答复内容');
    fireEvent.click(screen.getByTestId('adoption-answer-submit'));
    expect(await screen.findByText('请填写答复内容')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
    fireEvent.change(text, { target: { value: '  感谢支持，将提交居民会议表决。 \n' } });
    fireEvent.click(screen.getByTestId('adoption-answer-submit'));
    expect(await screen.findByText('该民主程序已通过备案或已撤回，不能再办理')).toBeTruthy();
    fireEvent.click(screen.getByTestId('adoption-answer-submit'));
    await waitFor(() => expect(screen.queryByTestId('adoption-answer-form')).toBeNull());
    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.path).toBe(`${commentsPath}/${onWhole.id}/answer`);
    expect(puts[1]?.body).toEqual({ answer: '感谢支持，将提交居民会议表决。' });
    const card = screen.getAllByTestId('adoption-comment')[1]!;
    expect(within(card).getByTestId('adoption-comment-answer').textContent).toContain('感谢支持，将提交居民会议表决。');
    expect(within(card).getByTestId('adoption-comment-answer').textContent).toContain('李婧 于 2026');
  });

  it('issues comment links while the draft is on notice and lists them once, as full addresses, to copy all', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const tokens = ['A'.repeat(24), 'B'.repeat(24)];
    handler = drawer(
      () => ({ status: 200, body: onNotice }),
      ({ method }) =>
        method === 'POST'
          ? {
              status: 201,
              body: { links: tokens.map((token, index) => ({ id: uuid(61 + index), token, path: `/c/${token}` })) },
            }
          : { status: 200, body: comments({ can: { issueLinks: true, answer: true } }) },
    );
    renderUi(<AdoptionDrawer engagementId={ENGAGEMENT} adoptionId={onNotice.id} onClose={vi.fn()} />);
    fireEvent.click(await screen.findByTestId('adoption-comment-issue'));
    const count = (await screen.findByLabelText('链接数量')) as HTMLInputElement;
    expect(count.value).toBe('20');
    fireEvent.change(count, { target: { value: '' } });
    expect(await screen.findByText('请填写 1 至 200 之间的整数')).toBeTruthy();
    fireEvent.change(count, { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('adoption-comment-links-generate'));
    const issued = await screen.findByTestId('adoption-comment-links-issued');
    expect(posts()).toEqual([
      {
        method: 'POST',
        path: `/api/engagements/${ENGAGEMENT}/adoptions/${onNotice.id}/comment-links`,
        search: '',
        body: { count: 2 },
      },
    ]);
    const urls = within(issued)
      .getAllByTestId('adoption-comment-link')
      .map((item) => item.textContent);
    expect(urls).toEqual(tokens.map((token) => `${window.location.origin}/c/${token}`));
    expect(within(issued).getByTestId('adoption-comment-links-once').textContent).toContain(
      '每个链接只能提交一次，请立即分发（可制作二维码张贴于公示栏）；关闭后无法再次查看。',
    );
    fireEvent.click(screen.getByTestId('adoption-comment-links-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(urls.join('\n')));
    expect(await screen.findByText('已复制 2 个链接')).toBeTruthy();
    Reflect.deleteProperty(navigator, 'clipboard');
  });
});

describe('MeetingForm', () => {
  it('sends the residents’ meeting’s figures with one key for every try, and shows the API’s field errors on their fields', async () => {
    const item = adoption({ id: uuid(31) });
    handler = () =>
      apiError(422, 'form_invalid', '表单有误', [
        {
          field: 'votesFor',
          code: 'rule',
          message: '赞成、反对、弃权票合计 290 票，超过实到人数 263 人，请核对表决记录',
        },
      ]);
    renderUi(<MeetingForm engagementId={ENGAGEMENT} adoption={item} onClose={vi.fn()} />);
    const heldOn = screen.getByTestId('adoption-meeting-held-on') as HTMLInputElement;
    expect(heldOn.value).toBe(today);
    expect(heldOn.min).toBe(addCalendarDays(today, -9));
    expect(heldOn.max).toBe(today);
    expect(screen.queryByTestId('adoption-meeting-totalArea')).toBeNull();
    const fill = (field: string, value: string) =>
      fireEvent.change(screen.getByTestId(`adoption-meeting-${field}`), { target: { value } });
    fill('eligible', '420');
    fill('attendees', '263');
    fill('votesFor', '268');
    fill('votesAgainst', '12');
    fill('abstentions', '10');
    fireEvent.click(screen.getByTestId('adoption-meeting-form-submit'));
    expect(await screen.findByText('赞成、反对、弃权票合计 290 票，超过实到人数 263 人，请核对表决记录')).toBeTruthy();
    expect(posts()[0]?.path).toBe(`/api/engagements/${ENGAGEMENT}/adoptions/${item.id}/meetings`);
    expect(posts()[0]?.body).toEqual({
      heldOn: today,
      figures: { kind: 'residents', eligible: 420, attendees: 263, votesFor: 268, votesAgainst: 12, abstentions: 10 },
      idempotencyKey: expect.stringMatching(/^web-/),
    });
    fireEvent.click(screen.getByTestId('adoption-meeting-form-submit'));
    await waitFor(() => expect(posts()).toHaveLength(2));
    const keys = posts().map((request) => (request.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
  });

  it('asks an owners’ matter for the area and headcount', async () => {
    const item = adoption({ id: uuid(32), instrument: 'owners_rules', matter: 'ordinary', drivesTasks: false });
    renderUi(<MeetingForm engagementId={ENGAGEMENT} adoption={item} onClose={vi.fn()} />);
    expect(screen.getByText('专有部分总面积（平方米）')).toBeTruthy();
    expect(screen.getByText('同意人数')).toBeTruthy();
    expect(screen.queryByTestId('adoption-meeting-eligible')).toBeNull();
    fireEvent.click(screen.getByTestId('adoption-meeting-form-submit'));
    await waitFor(() => expect(screen.getAllByText('请填写')).toHaveLength(6));
    expect(requests).toHaveLength(0);
  });
});

describe('AdoptionForm', () => {
  it('proposes a convention’s title from the community and seven days’ notice, and opens it with one key', async () => {
    const opened = adoption({ id: uuid(41), status: 'notice' });
    handler = ({ method }) => (method === 'POST' ? { status: 201, body: opened } : { status: 404, body: {} });
    const onOpened = vi.fn();
    renderUi(
      <AdoptionForm engagementId={ENGAGEMENT} communities={communities} onClose={vi.fn()} onOpened={onOpened} />,
    );
    expect((screen.getByTestId('adoption-notice-from') as HTMLInputElement).value).toBe(today);
    expect((screen.getByTestId('adoption-notice-to') as HTMLInputElement).value).toBe(addCalendarDays(today, 7));
    expect((screen.getByTestId('adoption-notice-location') as HTMLInputElement).value).toBe('社区公告栏及居民微信群');
    openSelect(screen.getByTestId('adoption-form-community'));
    fireEvent.click(await screen.findByTitle('安定门社区'));
    await waitFor(() =>
      expect((screen.getByTestId('adoption-form-title') as HTMLInputElement).value).toBe('《安定门社区居民公约》'),
    );
    expect(screen.queryByTestId('adoption-form-matter')).toBeNull();
    fireEvent.click(screen.getByTestId('adoption-form-submit'));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(posts()[0]?.body).toEqual({
      communityId: anding.id,
      instrument: 'residents_convention',
      title: '《安定门社区居民公约》',
      noticeFrom: today,
      noticeTo: addCalendarDays(today, 7),
      location: '社区公告栏及居民微信群',
      idempotencyKey: expect.stringMatching(/^web-/),
    });
  });

  it('asks an owners’ matter which kind it is, refuses a notice shorter than seven days, and shows the API’s refusal', async () => {
    handler = () =>
      apiError(409, 'conflict', '请求与当前状态冲突', [
        { field: 'communityId', code: 'rule', message: '该社区的居民公约已有进行中或已通过的民主程序' },
      ]);
    renderUi(<AdoptionForm engagementId={ENGAGEMENT} communities={communities} onClose={vi.fn()} />);
    openSelect(screen.getByTestId('adoption-form-community'));
    fireEvent.click(await screen.findByTitle('青年湖社区'));
    fireEvent.click(screen.getByText('业主共同决定事项（业主大会表决）'));
    await screen.findByTestId('adoption-form-matter');
    expect((screen.getByTestId('adoption-form-title') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByTestId('adoption-notice-to'), { target: { value: addCalendarDays(today, 5) } });
    fireEvent.click(screen.getByTestId('adoption-form-submit'));
    expect(await screen.findByText('公示期不得少于 7 日（本所惯例）')).toBeTruthy();
    expect(screen.getAllByText('请选择')).toHaveLength(1);
    expect(requests).toHaveLength(0);

    fireEvent.click(screen.getByText(/^须四分之三同意的特别事项/));
    fireEvent.change(screen.getByTestId('adoption-form-title'), {
      target: { value: '《青年湖社区3号楼加装电梯方案》' },
    });
    fireEvent.change(screen.getByTestId('adoption-notice-to'), { target: { value: addCalendarDays(today, 10) } });
    fireEvent.click(screen.getByTestId('adoption-form-submit'));
    expect(await screen.findByText('该社区的居民公约已有进行中或已通过的民主程序')).toBeTruthy();
    expect(screen.getByTestId('adoption-form-error').textContent).toContain('请求与当前状态冲突');
    expect(posts()[0]?.body).toMatchObject({
      instrument: 'owners_rules',
      matter: 'special',
      communityId: qingnianhu.id,
    });
  });
});
