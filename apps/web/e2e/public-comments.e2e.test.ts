// 公示征求意见 in real Chromium against the real stack: the PM puts an owners' matter (a special
// one: 民法典 Art. 278 ¶1 items 6–8) of the demo engagement (和平里街道) on notice through the API
// and issues two comment links; a resident opens one on a 390×844 phone without signing in — who
// asks (the residents' committee), the notice period and where the full text is posted — is stopped
// by the check on a blank comment, writes two comments (one on 第三条), signs them and is thanked;
// the same link then says it was used; an unknown link says it is not valid; the second link reads
// well at the desk and in English on a phone; the PM then finds both comments through the API.
// Screenshots at phone and desk width land in e2e/artifacts/public-comments-*.png.
import { addCalendarDays } from '@gongzhi/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, rendersChineseGlyphs } from './support/browser';
import { hasNoSidewaysScroll } from './support/pages';

const baseUrl = inject('webUrl');
const DEMO_ENGAGEMENT_ID = '0195f2a0-0000-7000-8000-00000000de00';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const artifacts = new URL('./artifacts/', import.meta.url);

const run = Date.now().toString(36).slice(-4);
const TITLE = `关于青年湖小区7号楼加装电梯的决定（草案）-${run}`;
const COMMUNITY = '青年湖社区';
const LOCATION = '青年湖小区7号楼各单元门公告栏、社区居委会公示栏';
const FIRST = { clause: '第三条', body: '电梯运行和维护费用应按楼层分摊，一层住户不应承担；请在决定中写明分摊系数。' };
const SECOND = { body: '施工期间请保证消防通道畅通，并提前一周在单元门张贴施工时间。' };
const SIGNED_AS = '7号楼2单元居民 王女士';

/** A screenshot for a person to look at: e2e/artifacts/public-comments-<name>.png. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`public-comments-${name}.png`, artifacts).pathname, fullPage });
}

const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('公示征求意见, a resident comments on a draft through a link', () => {
  let browser: Browser;
  /** Residents: no account, each their own browser. */
  const residents: { context: BrowserContext; page: Page; problems: string[] }[] = [];
  let adoptionId = '';
  let links: string[] = [];

  /** A browser that has never signed in: a phone (Chinese unless told) or a desk. */
  const openResident = async ({ desk = false, english = false }: { desk?: boolean; english?: boolean } = {}) => {
    const context = await browser.newContext(
      desk
        ? { viewport: DESK, locale: english ? 'en-US' : 'zh-CN' }
        : { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: english ? 'en-US' : 'zh-CN' },
    );
    // The page speaks the language this browser chose (the dashboard's 中/EN switch, remembered here).
    if (english) await context.addInitScript(() => localStorage.setItem('gongzhi.locale', 'en'));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    const resident = { context, page, problems };
    residents.push(resident);
    return resident;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    const pm = await signInApi(baseUrl, 'pm');
    // The demo engagement's 青年湖社区 (its owners adopted their rules already): the API names a community by its id.
    const { items } = await pm.listAdoptions({ params: { id: DEMO_ENGAGEMENT_ID }, query: {} });
    const community = items.find((item) => item.community.name === COMMUNITY)?.community;
    if (!community) throw new Error(`the demo engagement has no procedure in ${COMMUNITY} to find its id by`);
    const today = todayInBeijing();
    const adoption = await pm.openAdoption({
      params: { id: DEMO_ENGAGEMENT_ID },
      body: {
        communityId: community.id,
        instrument: 'owners_rules',
        matter: 'special',
        title: TITLE,
        noticeFrom: addCalendarDays(today, -2),
        noticeTo: addCalendarDays(today, 8),
        location: LOCATION,
      },
    });
    adoptionId = adoption.id;
    expect(adoption.status).toBe('notice');
    const issued = await pm.issueAdoptionCommentLinks({ params: { id: DEMO_ENGAGEMENT_ID, adoptionId }, body: { count: 2 } });
    links = issued.links.map((link) => `${baseUrl}${link.path}`);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`^${baseUrl}/c/[A-Za-z0-9_-]{20,100}$`));
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    for (const [index, { page }] of residents.entries()) {
      await page
        .screenshot({ path: new URL(`public-comments-failure-${index}.png`, artifacts).pathname, fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    const problems = residents.flatMap((resident) => resident.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('a resident comments on a phone without signing in: the check stops a blank comment; thanks; the link is then used', async () => {
    const { page, problems } = await openResident();
    await page.goto(links[0] as string);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    expect(await rendersChineseGlyphs(page)).toBe(true);
    expect(await page.getByTestId('comments-kind').textContent()).toContain('业主共同决定事项');
    // The residents' committee asks, assisting the owners on their matter.
    expect(await page.getByTestId('comments-asked-by').textContent()).toContain(`${COMMUNITY}居民委员会`);
    expect(await page.getByTestId('comments-notice').textContent()).toMatch(/^公示期：\d{4}年\d{1,2}月\d{1,2}日至(\d{4}年)?\d{1,2}月\d{1,2}日$/);
    expect(await page.getByTestId('comments-location').textContent()).toBe(`草案全文张贴于：${LOCATION}`);
    expect(await page.getByTestId('comments-note').textContent()).toContain('每个链接只能提交一次；可以署名，也可以匿名');
    // No dashboard around it: no menu, no sign-in.
    expect(await page.locator('.gz-nav').count()).toBe(0);
    expect(page.url()).not.toContain('/login');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    // Big enough for a thumb.
    for (const testId of ['comment-clause', 'comments-submit', 'comment-add', 'comment-signed-as']) {
      expect((await page.getByTestId(testId).boundingBox())?.height ?? 0, testId).toBeGreaterThanOrEqual(40);
    }
    // 16px text in the fields: a phone does not zoom in when one takes the focus.
    for (const testId of ['comment-clause', 'comment-body', 'comment-signed-as']) {
      const size = await page.getByTestId(testId).evaluate((field) => getComputedStyle(field).fontSize);
      expect(size, testId).toBe('16px');
    }
    await shoot(page, 'phone-first-screen', false);

    // A blank comment is stopped before anything is sent, under its card.
    await page.getByTestId('comments-submit').click();
    await page.getByTestId('comments-errors').waitFor();
    expect(await page.getByTestId('comment-card').first().getByTestId('comment-error').textContent()).toBe('请填写意见内容');
    await shoot(page, 'phone-errors', false);

    const card = (index: number) => page.getByTestId('comment-card').nth(index);
    await card(0).getByLabel('涉及条款（选填）').fill(FIRST.clause);
    await card(0).getByTestId('comment-body').fill(FIRST.body);
    expect(await page.getByTestId('comment-error').count()).toBe(0);
    expect(await card(0).textContent()).toContain(`${FIRST.body.length} / 1000`);
    await page.getByTestId('comment-add').click();
    expect(await page.getByTestId('comment-card').count()).toBe(2);
    // The new card takes the focus.
    expect(await card(1).getByTestId('comment-clause').evaluate((input) => input === document.activeElement)).toBe(true);
    await card(1).getByTestId('comment-body').fill(SECOND.body);
    // A third, then removed: two go.
    await page.getByTestId('comment-add').click();
    await card(2).getByTestId('comment-body').fill('再补充一条');
    await card(2).getByTestId('comment-remove').click();
    expect(await page.getByTestId('comment-card').count()).toBe(2);
    await page.getByLabel('署名（选填）').fill(SIGNED_AS);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'phone-filled');

    await page.getByTestId('comments-submit').click();
    const thanks = page.getByTestId('public-state');
    await thanks.waitFor({ timeout: 60_000 });
    expect(await thanks.getAttribute('data-state')).toBe('thanks');
    expect(await thanks.textContent()).toContain('感谢您的意见！');
    expect(await thanks.textContent()).toContain('社区将在公示期内逐条研究答复。');
    expect(await page.getByTestId('comments-receipt').textContent()).toBe(`${TITLE}已提交 2 条意见`);
    await shoot(page, 'phone-thanks', false);

    await page.goto(links[0] as string);
    const used = page.getByTestId('public-state');
    await used.waitFor({ timeout: 30_000 });
    expect(await used.getAttribute('data-state')).toBe('used');
    expect(await used.textContent()).toContain('该链接已提交过意见');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'phone-used', false);
    // The refusal was expected (the route's prefetch and the page may each meet it): not one of the run's problems.
    expectRefused(problems, links[0] as string, 409);
  });

  it('a link that is no link of ours says so', async () => {
    const { page, problems } = await openResident();
    const unknown = `${baseUrl}/c/${'Zz9_'.repeat(8)}`;
    await page.goto(unknown);
    const state = page.getByTestId('public-state');
    await state.waitFor({ timeout: 30_000 });
    expect(await state.getAttribute('data-state')).toBe('invalid');
    expect(await state.textContent()).toContain('链接无效');
    expectRefused(problems, unknown, 404);
  });

  it('the second link reads well at the desk, and in English on a phone', async () => {
    const desk = await openResident({ desk: true });
    await desk.page.goto(links[1] as string);
    await desk.page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    // The sheet stays a readable column on a wide screen.
    expect((await desk.page.locator('.gz-public-sheet').boundingBox())?.width ?? 0).toBeLessThanOrEqual(760);
    await desk.page.getByTestId('comment-add').click();
    await shoot(desk.page, 'desk');

    const { page } = await openResident({ english: true });
    await page.goto(links[1] as string);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('comments-kind').textContent()).toContain('A matter for the owners to decide');
    expect(await page.getByTestId('comments-notice').textContent()).toMatch(/^On notice: \d{1,2} [A-Z][a-z]+( \d{4})? – \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await page.getByTestId('comments-location').textContent()).toBe(`Full text posted at: ${LOCATION}`);
    await page.getByTestId('comments-submit').click();
    expect(await page.getByTestId('comment-error').textContent()).toBe('Write your comment');
    expect(await page.getByTestId('comments-submit').textContent()).toBe('Send my comments');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'phone-en');
  });

  it('the PM finds both comments, on their clauses and signed, through the API', async () => {
    const pm = await signInApi(baseUrl, 'pm');
    const comments = await pm.listAdoptionComments({ params: { id: DEMO_ENGAGEMENT_ID, adoptionId } });
    expect(comments.links).toEqual({ issued: 2, used: 1 });
    expect(comments.items.map((item) => [item.clause, item.body, item.signedAs, item.answer])).toEqual([
      [FIRST.clause, FIRST.body, SIGNED_AS, null],
      ['', SECOND.body, SIGNED_AS, null],
    ]);
  });
});

/** The refusals a link's page met on purpose (link used, unknown link): at least one, all taken off the run's problems. */
function expectRefused(problems: string[], link: string, status: number): void {
  const token = link.split('/c/')[1] as string;
  const expected = (problem: string) =>
    problem.startsWith(`HTTP ${status} GET`) && problem.endsWith(`/api/public/adoption-comments/${token}`);
  expect(problems.some(expected)).toBe(true);
  const others = problems.filter((problem) => !expected(problem));
  problems.splice(0, problems.length, ...others);
}
