import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngagementOutcomes as Outcomes } from '../api/outcomes';
import { OutcomesAcceptanceNotice } from './acceptance-notice';
import { EngagementOutcomes } from './engagement-outcomes';
import { OutcomesTabLabel } from './outcomes-tab-label';

const ENGAGEMENT = '0195f2a0-0000-7000-8000-00000000de00';
const hepingliBei = { key: 'hepingli-bei', name: '和平里北社区' };
const anding = { key: 'anding', name: '安定门社区' };
const qingnianhu = { key: 'qingnianhu', name: '青年湖社区' };
const xinghua = { key: 'xinghua', name: '兴化社区' };
const hepingliXi = { key: 'hepingli-xi', name: '和平里西社区' };
const enforcement = { key: 'enforcement', name: '街道综合行政执法队' };
const fire = { key: 'fire', name: '东城消防救援支队' };
const police = { key: 'police', name: '和平里派出所' };

/** The demo street midway through stage 7: three communities voted (one without a quorum), two not yet. */
const outcomes: Outcomes = {
  engagementId: ENGAGEMENT,
  asOf: '2026-11-29',
  communities: [hepingliBei, anding, qingnianhu, xinghua, hepingliXi],
  deliverables: {
    approved: 13,
    total: 37,
    items: [
      { title: { zh: '职权梳理表', en: 'Powers table' }, community: null, approvedOn: '2026-10-12' },
      { title: { zh: '社区治理法律风险诊断意见', en: 'Legal-risk diagnosis' }, community: anding, approvedOn: '2026-11-28' },
    ],
  },
  departments: { inMechanism: [enforcement, fire, police], consulted: [enforcement, fire] },
  conventions: [
    { community: hepingliBei, adoptedOn: '2026-09-18', eligible: 62, attendees: 48, votesFor: 41, votesAgainst: 3, abstentions: 4, valid: true, filedOn: '2026-09-25', filingNo: '和街居备〔2026〕3号' },
    { community: anding, adoptedOn: '2026-09-20', eligible: 55, attendees: 37, votesFor: 30, votesAgainst: 2, abstentions: 5, valid: true, filedOn: null, filingNo: null },
    { community: qingnianhu, adoptedOn: '2026-09-22', eligible: 58, attendees: 24, votesFor: 22, votesAgainst: 1, abstentions: 1, valid: false, filedOn: null, filingNo: null },
  ],
  trainings: { sessions: 4, attendance: 156 },
  events: {
    held: 2,
    participants: 210,
    householdsReached: 3200,
    items: [
      { date: '2026-10-15', community: anding, kind: 'launch-ceremony', theme: null, participants: 90 },
      { date: '2026-10-28', community: null, kind: 'cadre-forum', theme: '基层治理中的依法行政', participants: 120 },
    ],
  },
  cases: {
    reported: 5,
    resolved: 1,
    tiers: [
      { tier: 'moral', reached: 5, resolved: 1, averageDays: 11 },
      { tier: 'self-governance', reached: 2, resolved: 0, averageDays: null },
      { tier: 'rule-of-law', reached: 1, resolved: 0, averageDays: null },
    ],
    modelHouseholds: 3,
  },
  hotline: { before: 130, after: 96, months: 2, unverified: true },
  service: { entries: 13, minutes: 1415, consultations: 3 },
};

/** An engagement just started: nothing recorded yet, no 12345 months imported. */
const nothingYet: Outcomes = {
  ...outcomes,
  deliverables: { approved: 0, total: 37, items: [] },
  departments: { inMechanism: [], consulted: [] },
  conventions: [],
  trainings: { sessions: 0, attendance: 0 },
  events: { held: 0, participants: 0, householdsReached: 0, items: [] },
  cases: { reported: 0, resolved: 0, tiers: [], modelHouseholds: 0 },
  hotline: null,
  service: { entries: 0, minutes: 0, consultations: 0 },
};

// The component talks to the API through the app's typed client (which checks the answer against
// the contract); `fetch` answers as the API would.
let answer: { status: number; body: unknown } = { status: 404, body: {} };
const requests: string[] = [];
vi.stubGlobal('fetch', async (input: string) => {
  requests.push(new URL(String(input), 'http://localhost').pathname);
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
});
afterEach(() => {
  requests.length = 0;
  answer = { status: 404, body: {} };
});

function renderUi(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
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

const card = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('EngagementOutcomes', () => {
  it('shows the headline figures from the records, as of their date', async () => {
    answer = { status: 200, body: outcomes };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    await screen.findByTestId('engagement-outcomes');
    expect(requests).toContain(`/api/engagements/${ENGAGEMENT}/outcomes`);
    expect(screen.getByTestId('outcomes-lead').textContent).toBe('截至 2026-11-29，按项目记录统计。');

    expect(card('outcome-deliverables')).toContain('成果文件');
    expect(card('outcome-deliverables')).toMatch(/13\s*\/ 37/);
    expect(card('outcome-departments')).toMatch(/联动部门3其中已座谈 2 个/);
    // Two communities voted validly of five; one of them filed.
    expect(card('outcome-conventions')).toMatch(/2\s*\/ 5/);
    expect(card('outcome-conventions')).toContain('已备案 1 个');
    expect(card('outcome-trainings')).toMatch(/4参训 156 人次/);
    expect(card('outcome-events')).toMatch(/2参与 210 人次 · 宣传覆盖 3200 户/);
    expect(card('outcome-cases')).toMatch(/1\s*\/ 5/);
    expect(card('outcome-cases')).toContain('化解率 20%');
    expect(card('outcome-cases')).toContain('德治典型 3 户');
    // 1415 minutes, in hours as the work log counts them.
    expect(card('outcome-service')).toMatch(/23\.6\s*小时/);
    expect(card('outcome-service')).toContain('工作日志 13 条 · 会诊 3 次');
  });

  it('shows the 12345 before and after with its change in green, tagged 待核实 from a synthetic extract', async () => {
    answer = { status: 200, body: outcomes };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    const hotline = await screen.findByTestId('outcome-hotline');
    expect(hotline.textContent).toContain('130 → 96');
    expect(hotline.textContent).toContain('项目前后各 2 个月');
    expect(hotline.textContent).not.toContain('{{');
    const change = within(hotline).getByTestId('outcome-hotline-change');
    expect(change.textContent).toBe('-26.2%');
    // Fewer tickets is the good direction.
    expect(change.getAttribute('data-trend')).toBe('down');
    expect(change.style.color).toBe('#389e0d');
    expect(within(hotline).getByTestId('outcome-hotline-unverified').textContent).toBe('待核实');
  });

  it('marks a rise in 12345 tickets red and a verified extract untagged', async () => {
    answer = { status: 200, body: { ...outcomes, hotline: { before: 80, after: 92, months: 6, unverified: false } } };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    const hotline = await screen.findByTestId('outcome-hotline');
    const change = within(hotline).getByTestId('outcome-hotline-change');
    expect(change.textContent).toBe('+15.0%');
    expect(change.getAttribute('data-trend')).toBe('up');
    expect(change.style.color).toBe('#cf1322');
    expect(within(hotline).queryByTestId('outcome-hotline-unverified')).toBeNull();
  });

  it('lists each convention vote with its figures and filing, flags the invalid one, and names the communities yet to vote', async () => {
    answer = { status: 200, body: outcomes };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    const section = await screen.findByTestId('outcomes-conventions');
    expect(section.textContent).toContain('居民公约表决与备案');
    expect(section.textContent).toContain('《城市居民委员会组织法》第九条');
    const rows = within(section).getAllByTestId('convention-row');
    expect(rows).toHaveLength(3);
    const row = (key: string) => rows.find((item) => item.getAttribute('data-community') === key)!;

    const bei = row('hepingli-bei');
    expect(bei.textContent).toContain('2026-09-18');
    for (const figure of ['62', '48', '41', '3', '4']) expect(within(bei).getAllByText(figure).length).toBeGreaterThan(0);
    expect(within(bei).getByTestId('convention-valid').textContent).toBe('有效');
    expect(within(bei).getByTestId('convention-filed').textContent).toContain('2026-09-25 备案');
    expect(within(bei).getByTestId('convention-filed').textContent).toContain('和街居备〔2026〕3号');

    expect(within(row('anding')).getByTestId('convention-valid')).toBeTruthy();
    expect(within(row('anding')).getByTestId('convention-not-filed').textContent).toBe('未备案');

    // 24 of 58 attended: no quorum under Art. 9, whatever the votes.
    const invalid = within(row('qingnianhu')).getByTestId('convention-invalid');
    expect(invalid.textContent).toBe('无效 · 出席未过半数');
    expect(invalid.className).toContain('ant-tag-error');
    expect(within(row('qingnianhu')).queryByTestId('convention-valid')).toBeNull();

    expect(within(section).getByTestId('conventions-pending').textContent).toBe('尚未表决兴化社区、和平里西社区（共 2 个社区）');
  });

  it('shows cases by tier, the promotion events, the mechanism’s departments and the approved deliverables', async () => {
    answer = { status: 200, body: outcomes };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    const tiers = await screen.findByTestId('outcomes-tiers');
    const moral = within(tiers).getAllByTestId('tier-row').find((item) => item.getAttribute('data-tier') === 'moral')!;
    expect(moral.textContent).toContain('德治：倡议书/公开信');
    expect(moral.textContent).toContain('11 天');
    const referral = within(tiers).getAllByTestId('tier-row').find((item) => item.getAttribute('data-tier') === 'rule-of-law')!;
    expect(referral.textContent).toContain('—');
    expect(tiers.textContent).toContain('共受理 5 件，已化解 1 件（每件只计一次）；评选德治典型 3 户。');

    const events = screen.getByTestId('outcomes-events');
    const [launch, forum] = within(events).getAllByTestId('event-row');
    expect(launch!.textContent).toContain('安定门社区');
    expect(launch!.textContent).toContain('启动仪式');
    expect(forum!.textContent).toContain('全街道');
    expect(forum!.textContent).toContain('主题论坛');
    expect(forum!.textContent).toContain('基层治理中的依法行政');
    expect(within(events).getByTestId('events-households').textContent).toBe('专项及常态宣传覆盖 3200 户。');

    const departments = within(screen.getByTestId('outcomes-departments')).getAllByTestId('department-row');
    expect(departments.map((item) => [item.textContent, item.getAttribute('data-consulted')])).toEqual([
      ['街道综合行政执法队已座谈', 'true'],
      ['东城消防救援支队已座谈', 'true'],
      ['和平里派出所未座谈', 'false'],
    ]);

    const deliverables = within(screen.getByTestId('outcomes-deliverables')).getAllByTestId('deliverable-row');
    expect(deliverables.map((item) => item.textContent)).toEqual(['职权梳理表全项目2026-10-12', '社区治理法律风险诊断意见安定门社区2026-11-28']);
  });

  it('says plainly what has no record yet, instead of tables of zeros', async () => {
    answer = { status: 200, body: nothingYet };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    await screen.findByTestId('engagement-outcomes');
    expect(screen.getByTestId('outcomes-conventions').textContent).toContain('尚无居民会议表决记录');
    expect(screen.getByTestId('conventions-pending').textContent).toContain('（共 5 个社区）');
    expect(screen.getByTestId('outcomes-tiers').textContent).toContain('尚无问题案件');
    expect(screen.getByTestId('outcomes-events').textContent).toContain('尚无推广活动记录');
    expect(screen.getByTestId('outcomes-departments').textContent).toContain('尚无纳入联动机制的部门');
    expect(screen.getByTestId('outcomes-deliverables').textContent).toContain('尚无审核通过的成果');
    expect(screen.getAllByTestId('outcome-empty')).toHaveLength(5);
    expect(screen.getByTestId('engagement-outcomes').querySelectorAll('table')).toHaveLength(0);
    expect(screen.queryByTestId('events-households')).toBeNull();

    expect(card('outcome-hotline')).toContain('尚未导入项目前后的工单数据');
    expect(screen.queryByTestId('outcome-hotline-unverified')).toBeNull();
    expect(card('outcome-cases')).toContain('化解率 —');
    expect(card('outcome-service')).toMatch(/0\.0\s*小时/);
  });

  it('shows the API’s refusal with a retry', async () => {
    answer = { status: 403, body: { error: { code: 'forbidden', message: '无权查看该项目', requestId: 'req-1' } } };
    renderUi(<EngagementOutcomes engagementId={ENGAGEMENT} />);
    await screen.findByText('无权查看该项目');
    expect(screen.queryByTestId('engagement-outcomes')).toBeNull();
  });
});

describe('the tab label and the acceptance task’s notice', () => {
  it('labels the tab 项目成效', () => {
    renderUi(<OutcomesTabLabel />);
    expect(screen.getByTestId('outcomes-tab').textContent).toBe('项目成效');
  });

  it('links the client’s acceptance to the outcomes tab', () => {
    renderUi(<OutcomesAcceptanceNotice engagementId={ENGAGEMENT} />);
    const link = screen.getByTestId('task-outcomes-link');
    expect(link.textContent).toBe('验收前请查看项目成效');
    expect(link.getAttribute('href')).toBe(`/engagements/${ENGAGEMENT}?tab=outcomes`);
  });
});
