// 民主程序 through the dashboard, in real Chromium against the real stack, on the demo engagement
// (和平里街道): the PM opens an owners' matter (业主共同决定事项, 民法典 Art. 278; it needs no
// approved draft, unlike a residents' convention) for 安定门社区 with a notice that started 20
// days ago and ended 10 days ago, so the procedure's workflow ends the notice at once and it waits
// for the vote; the PM records a vote that misses the two-thirds participation (the verdict and the
// law's explanation with the figures show at once), then one that passes, and the owners' decision
// is adopted without a filing (binding under Art. 280); the same at phone width, once in English;
// the client's contact reads it on a phone and can change nothing. Screenshots at desk and phone
// width land in e2e/artifacts/.
import type { ApiClient } from '@gongzhi/contracts';
import { addCalendarDays } from '@gongzhi/domain';
import type { Browser, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, type Session, signIn } from './support/browser';
import { hasNoSidewaysScroll } from './support/pages';

const baseUrl = inject('webUrl');
const DEMO_ENGAGEMENT_ID = '0195f2a0-0000-7000-8000-00000000de00';
const DEMO_ENGAGEMENT_NAME = '和平里街道创新社区治理法律服务项目';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const artifacts = new URL('./artifacts/', import.meta.url);

const run = Date.now().toString(36).slice(-4);
const COMMUNITY = '安定门社区';
const TITLE = `《安定门社区北里小区管理规约（修订稿）》-${run}`;
const LOCATION = '北里小区各单元门公告栏及业主微信群';
// 12,000 m², 200 owners: two-thirds of each must take part (8,000 m² and 134 owners).
const TOO_FEW = {
  totalArea: '12000',
  totalOwners: '200',
  participatingArea: '6500.5',
  participatingOwners: '120',
  areaFor: '5200',
  ownersFor: '98',
};
const ENOUGH = {
  totalArea: '12000',
  totalOwners: '200',
  participatingArea: '9200.25',
  participatingOwners: '151',
  areaFor: '6100',
  ownersFor: '102',
};

type Adoption = Awaited<ReturnType<ApiClient['getAdoption']>>;

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`adoptions-${name}.png`, artifacts).pathname, fullPage });
}

const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent()) ?? '';

/** Types the vote's figures into the open meeting form. */
async function fillFigures(page: Page, figures: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(figures)) await page.getByTestId(`adoption-meeting-${field}`).fill(value);
}

describe('民主程序, an owners’ matter from its notice to the vote', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let adoptionId = '';
  // One page per user for the whole story (each user may hold five live-update streams per API process).
  let pm: Session;
  let client: Session;

  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const session = await signIn(browser, baseUrl, username, viewport ? { viewport } : {});
    sessions.push(session);
    return session;
  };
  const detail = (page: Page) => page.getByTestId('adoption-detail');
  const adoptionOf = async (): Promise<Adoption> =>
    (await signInApi(baseUrl, 'pm')).getAdoption({ params: { id: DEMO_ENGAGEMENT_ID, adoptionId } });

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    for (const [index, page] of sessions.flatMap((session) => session.context.pages()).entries()) {
      await page
        .screenshot({ path: new URL(`adoptions-failure-${index}.png`, artifacts).pathname, fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('the PM opens the procedure at the desk with a notice already over, and it waits for the vote', async () => {
    pm = await open('pm');
    const { page } = pm;
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}`);
    await page.getByRole('heading', { name: DEMO_ENGAGEMENT_NAME }).waitFor({ timeout: 30_000 });
    await page.getByTestId('adoptions-tab').click();
    await page.getByTestId('adoptions').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('tab')).toBe('adoptions');
    expect(await text(page, 'adoptions-intro')).toContain('《城市居民委员会组织法》第九条');
    await shoot(page, 'list-before-desk');

    await page.getByTestId('adoption-open-button').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    // Seven days from today are proposed, posted where a community posts its notices.
    expect(await page.getByTestId('adoption-notice-from').inputValue()).toBe(todayInBeijing());
    expect(await page.getByTestId('adoption-notice-to').inputValue()).toBe(addCalendarDays(todayInBeijing(), 7));
    await page.getByTestId('adoption-form-community').getByRole('combobox').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: COMMUNITY })
      .first()
      .click();
    // A convention's title is proposed from the community; an owners' matter names its kind, which sets the threshold.
    await expect.poll(() => page.getByTestId('adoption-form-title').inputValue()).toBe(`《${COMMUNITY}居民公约》`);
    await dialog.getByText('业主共同决定事项（业主大会表决）').click();
    await page.getByTestId('adoption-form-matter').waitFor();
    await dialog.getByText(/^一般事项/).click();
    await page.getByTestId('adoption-form-title').fill(TITLE);
    await page.getByTestId('adoption-notice-from').fill(addCalendarDays(todayInBeijing(), -20));
    await page.getByTestId('adoption-notice-to').fill(addCalendarDays(todayInBeijing(), -10));
    await page.getByTestId('adoption-notice-location').fill(LOCATION);
    await shoot(page, 'form-desk', false);
    await page.getByTestId('adoption-form-submit').click();
    await expect.poll(async () => dialog.count(), { timeout: 30_000 }).toBe(0);

    // The new procedure opens in its drawer; the workflow ends the notice at once (it ended ten days ago).
    await detail(page).waitFor({ timeout: 30_000 });
    adoptionId = (await detail(page).getAttribute('data-adoption-id')) ?? '';
    expect(adoptionId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => detail(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('awaiting_meeting');
    await detail(page).getByTestId('adoption-status').getByText('待表决').waitFor();
    expect(await text(page, 'adoption-notice-period')).toBe(
      `${addCalendarDays(todayInBeijing(), -20)} 至 ${addCalendarDays(todayInBeijing(), -10)}`,
    );
    expect(await detail(page).textContent()).toContain(LOCATION);
    expect(await detail(page).textContent()).toContain('一般事项（管理规约');
    await page.getByTestId('adoption-record-meeting').waitFor();
    expect(await page.getByTestId('adoption-file').count()).toBe(0);
    await shoot(page, 'awaiting-desk', false);
    expect((await adoptionOf()).status).toBe('awaiting_meeting');
  });

  it('records a vote that misses the participation threshold: the verdict and the law’s reasons show at once', async () => {
    const { page } = pm;
    await page.getByTestId('adoption-record-meeting').click();
    await page.getByTestId('adoption-meeting-form').waitFor();
    expect(await page.getByTestId('adoption-meeting-held-on').inputValue()).toBe(todayInBeijing());
    await fillFigures(page, TOO_FEW);
    await page.getByTestId('adoption-meeting-note').fill('书面征求意见与现场投票相结合，业委会计票，居委会派员监督。');
    await shoot(page, 'meeting-form-desk', false);
    await page.getByTestId('adoption-meeting-form-submit').click();
    const verdict = page.getByTestId('adoption-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.getAttribute('data-verdict')).toBe('no_quorum');
    expect(await verdict.textContent()).toContain('未达法定人数，表决无效');
    const explanation = await text(page, 'adoption-verdict-explanation');
    expect(explanation).toContain('6,500.5 平方米／12,000 平方米');
    expect(explanation).toContain('120／200 人');
    expect(explanation).toContain('民法典第二百七十八条第二款');
    expect(await verdict.textContent()).toContain('可另行召开会议表决，或修改草案后重新公示。');
    expect(await detail(page).getAttribute('data-status')).toBe('meeting_failed');
    const meeting = page.getByTestId('adoption-meeting');
    expect(await meeting.count()).toBe(1);
    expect(await meeting.getByTestId('adoption-verdict-tag').textContent()).toBe('未达法定人数');
    expect(await meeting.locator('[data-field=participatingArea]').textContent()).toBe('参与表决面积6,500.5 平方米');
    // Another meeting, a revised draft or a withdrawal: each offered.
    for (const action of ['adoption-record-meeting', 'adoption-renotice', 'adoption-withdraw'])
      await page.getByTestId(action).waitFor();
    await shoot(page, 'failed-desk', false);
    expect((await adoptionOf()).meetings.map((item) => item.verdict)).toEqual(['no_quorum']);
  });

  it('records, from a phone, a second vote that passes: the owners’ decision is adopted without a filing', async () => {
    const { page } = pm;
    await page.setViewportSize(PHONE);
    await detail(page).getByTestId('adoption-verdict').waitFor();
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'failed-phone', false);
    await page.getByTestId('adoption-record-meeting').click();
    await page.getByTestId('adoption-meeting-form').waitFor();
    await fillFigures(page, ENOUGH);
    await shoot(page, 'meeting-form-phone', false);
    await page.getByTestId('adoption-meeting-form-submit').click();
    const verdict = page.locator('[data-testid="adoption-verdict"][data-verdict="passed"]');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.textContent()).toContain('表决通过');
    expect(await verdict.textContent()).toContain(
      '业主共同决定对业主具有法律约束力（《民法典》第二百八十条）；本程序不含备案环节',
    );
    expect(await text(page, 'adoption-verdict-explanation')).toContain('9,200.25 平方米／12,000 平方米');
    await expect.poll(() => detail(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('adopted');
    await detail(page).getByTestId('adoption-status').getByText('已通过').waitFor();
    expect(await page.getByTestId('adoption-meeting').count()).toBe(2);
    // Nothing more to do: no filing for an owners' decision, no further vote.
    expect(await page.getByTestId('adoption-actions').count()).toBe(0);
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'adopted-phone', false);
    const adopted = await adoptionOf();
    expect(adopted).toMatchObject({
      status: 'adopted',
      filing: null,
      can: { recordMeeting: false, file: false, withdraw: false },
    });
    expect(adopted.meetings.map((item) => item.verdict)).toEqual(['no_quorum', 'passed']);

    // The list on a phone: stacked rows, nothing sideways.
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
    const row = page.locator(`[data-testid="adoption-row"][data-adoption-id="${adoptionId}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('adopted');
    expect(await row.getByTestId('adoption-meetings').textContent()).toContain('表决 2 次');
    expect(await row.getByTestId('adoption-community').textContent()).toBe(COMMUNITY);
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'list-phone');
    await page.setViewportSize(DESK);
    await shoot(page, 'list-desk');
  });

  it('reads the same procedure in English once', async () => {
    const { page } = pm;
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'en'));
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=adoptions&adoption=${adoptionId}`);
    await detail(page).getByTestId('adoption-status').getByText('Adopted').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('adoptions-tab').textContent()).toBe('Adoptions');
    expect(await text(page, 'adoption-verdict')).toContain(
      'The owners’ decision binds the owners (Civil Code Art. 280); this procedure has no filing step',
    );
    expect(await text(page, 'adoption-verdict-explanation')).toContain('Adopted: took part: 9,200.25 m² of 12,000 m²');
    const failed = page.locator('[data-testid="adoption-meeting"][data-verdict="no_quorum"]');
    expect(await failed.getByTestId('adoption-verdict-tag').textContent()).toBe('No quorum');
    expect(await detail(page).textContent()).not.toContain('{{');
    await shoot(page, 'adopted-desk-en', false);
    await page.setViewportSize(PHONE);
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'adopted-phone-en', false);
    await page.setViewportSize(DESK);
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'zh-CN'));
  });

  it('the client’s contact reads the procedures on a phone and can change nothing', async () => {
    client = await open('client', PHONE);
    const { page } = client;
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=adoptions`);
    await page.getByTestId('adoptions').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('adoption-open-button').count()).toBe(0);
    const row = page.locator(`[data-testid="adoption-row"][data-adoption-id="${adoptionId}"]`);
    await row.waitFor({ timeout: 30_000 });
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'client-list-phone');
    await row.click();
    await detail(page).waitFor();
    await detail(page).getByTestId('adoption-verdict').waitFor();
    expect(await page.getByTestId('adoption-actions').count()).toBe(0);
    // The layout settles a moment after the viewport changes (the header folds for a phone).
    await expect.poll(() => hasNoSidewaysScroll(page), { timeout: 5_000 }).toBe(true);
    await shoot(page, 'client-detail-phone', false);
  });
});
