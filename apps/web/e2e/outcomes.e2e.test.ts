// 项目成效 through the dashboard, in real Chromium against the real stack, on the demo engagement
// (和平里街道): the PM opens the outcomes tab at the desk and finds the headline figures the API
// gives (service hours and cases among them, neither zero), and exports the evidence; the client's
// contact, on a phone, is pointed to the outcomes from the acceptance task, finds the tab right
// after the progress, reads it without sideways scrolling, and once in English. Screenshots at desk
// and phone width land in e2e/artifacts/.
import type { ApiClient } from '@gongzhi/contracts';
import { workLogHours } from '@gongzhi/domain';
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
const FIGURES = ['outcome-deliverables', 'outcome-departments', 'outcome-conventions', 'outcome-trainings', 'outcome-events', 'outcome-cases', 'outcome-hotline', 'outcome-service'];

type Outcomes = Awaited<ReturnType<ApiClient['getEngagementOutcomes']>>;

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`outcomes-${name}.png`, artifacts).pathname, fullPage });
}


/** How many headline cards share the first card's row. */
async function cardsInFirstRow(page: Page): Promise<number> {
  const tops = await Promise.all(FIGURES.map(async (testId) => (await page.getByTestId(testId).boundingBox())?.y ?? -1));
  return tops.filter((top) => Math.abs(top - tops[0]!) < 2).length;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe('项目成效, the evidence the client accepts the engagement on', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let outcomes: Outcomes;
  let acceptanceTaskId = '';
  // One page per user for the whole story (each user may hold five live-update streams per API process).
  let pm: Session;
  let client: Session;

  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const session = await signIn(browser, baseUrl, username, viewport ? { viewport } : {});
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    outcomes = await (await signInApi(baseUrl, 'pm')).getEngagementOutcomes({ params: { id: DEMO_ENGAGEMENT_ID } });
    // The client's acceptance (委托方项目验收): the promotion stage's gate, the client's contact signs it.
    const clientApi = await signInApi(baseUrl, 'client');
    for (let page = 1; !acceptanceTaskId && page <= 5; page += 1) {
      const tasks = await clientApi.listTasks({ query: { engagementId: DEMO_ENGAGEMENT_ID, pageSize: 100, page } });
      acceptanceTaskId = tasks.items.find((task) => task.isGate && task.role === 'client')?.id ?? '';
      if (tasks.items.length < 100) break;
    }
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    for (const [index, page] of sessions.flatMap((session) => session.context.pages()).entries()) {
      await page.screenshot({ path: new URL(`outcomes-failure-${index}.png`, artifacts).pathname, fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('the PM opens the outcomes tab at the desk: the API’s figures, four cards a row, service hours and cases not zero', async () => {
    // The demo has logged service and reported cases: a page showing zeros would be wrong.
    expect(outcomes.service.minutes).toBeGreaterThan(0);
    expect(outcomes.cases.reported).toBeGreaterThan(0);

    pm = await open('pm');
    const { page } = pm;
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}`);
    await page.getByRole('heading', { name: DEMO_ENGAGEMENT_NAME }).waitFor({ timeout: 30_000 });
    await page.getByTestId('outcomes-tab').click();
    await page.getByTestId('engagement-outcomes').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('tab')).toBe('outcomes');

    expect(await text(page, 'outcomes-lead')).toBe(`截至 ${outcomes.asOf}，按项目记录统计。`);
    for (const testId of FIGURES) await page.getByTestId(testId).waitFor();
    expect(await cardsInFirstRow(page)).toBe(4);

    const service = await text(page, 'outcome-service');
    expect(service).toContain(`${workLogHours(outcomes.service.minutes)}小时`);
    expect(service).toContain(`工作日志 ${outcomes.service.entries} 条`);
    const cases = await text(page, 'outcome-cases');
    expect(cases).toContain(`${outcomes.cases.resolved}/ ${outcomes.cases.reported}`);
    expect(cases).toContain(`德治典型 ${outcomes.cases.modelHouseholds} 户`);
    expect(await text(page, 'outcome-deliverables')).toContain(`${outcomes.deliverables.approved}/ ${outcomes.deliverables.total}`);
    if (outcomes.hotline) {
      expect(await text(page, 'outcome-hotline')).toContain(`${outcomes.hotline.before} → ${outcomes.hotline.after}`);
      expect(await page.getByTestId('outcome-hotline-unverified').count()).toBe(outcomes.hotline.unverified ? 1 : 0);
    }
    // Every community is accounted for: a vote on record, or “尚未表决”.
    const voted = new Set(outcomes.conventions.flatMap((convention) => (convention.community ? [convention.community.key] : [])));
    const pending = outcomes.communities.filter((community) => !voted.has(community.key));
    if (pending.length > 0) expect(await text(page, 'conventions-pending')).toContain(pending.map((community) => community.name).join('、'));
    expect(await page.getByTestId('outcomes-conventions').getByTestId('convention-row').count()).toBe(outcomes.conventions.length);
    expect(await page.getByTestId('outcomes-tiers').getByTestId('tier-row').count()).toBe(outcomes.cases.reported > 0 ? outcomes.cases.tiers.length : 0);
    expect(await page.getByTestId('outcomes-departments').getByTestId('department-row').count()).toBeGreaterThanOrEqual(outcomes.departments.inMechanism.length);
    // Every string interpolated: no catalogue placeholder left on the page.
    expect(await text(page, 'engagement-outcomes')).not.toContain('{{');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'pm-desk');

    // The evidence workbook, drafted from the same records.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('outcomes-export').click()]);
    expect(download.suggestedFilename()).toMatch(/项目成效证明材料.*\.xlsx$/);
  });

  it('the client’s contact is pointed to the outcomes from the acceptance task, on a phone', async () => {
    expect(acceptanceTaskId).not.toBe('');
    client = await open('client', PHONE);
    const { page } = client;
    await page.goto(`${baseUrl}/tasks/${acceptanceTaskId}`);
    await page.getByRole('heading', { name: '委托方项目验收' }).waitFor({ timeout: 30_000 });
    const link = page.getByTestId('task-outcomes-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('验收前请查看项目成效');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'acceptance-task-phone', false);
    await link.click();
    await page.waitForURL((url) => url.pathname === `/engagements/${DEMO_ENGAGEMENT_ID}` && url.searchParams.get('tab') === 'outcomes');
    await page.getByTestId('engagement-outcomes').waitFor({ timeout: 30_000 });
  });

  it('on the phone the outcomes come right after the progress, two cards a row, nothing scrolls sideways', async () => {
    const { page } = client;
    // The contact's tabs: progress, then the outcomes (what the project is accepted on).
    const tabs = page.locator('.ant-tabs-nav .ant-tabs-tab');
    expect(await tabs.nth(1).getByTestId('outcomes-tab').count()).toBe(1);
    expect(await page.locator('.ant-tabs-tab-active').getByTestId('outcomes-tab').count()).toBe(1);
    for (const testId of FIGURES) await page.getByTestId(testId).waitFor();
    expect(await cardsInFirstRow(page)).toBe(2);
    expect(await text(page, 'outcome-service')).toContain(`${workLogHours(outcomes.service.minutes)}小时`);
    // Stacked rows, not tables, on a phone.
    expect(await page.getByTestId('engagement-outcomes').locator('table').count()).toBe(0);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'client-phone');
    await page.getByTestId('outcomes-deliverables').scrollIntoViewIfNeeded();
    await shoot(page, 'client-phone-sections', false);
  });

  it('the client’s contact reads the outcomes in English once', async () => {
    const { page } = client;
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'en'));
    await page.reload();
    await page.getByTestId('outcomes-lead').getByText(`As of ${outcomes.asOf}, from the engagement’s records.`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('outcomes-tab').textContent()).toBe('Outcomes');
    expect(await text(page, 'outcome-service')).toContain('Service hours');
    if (outcomes.hotline?.unverified) expect(await text(page, 'outcome-hotline-unverified')).toBe('To be verified');
    expect(await text(page, 'engagement-outcomes')).not.toContain('{{');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'client-phone-en');
    await page.setViewportSize(DESK);
    await page.getByTestId('outcomes-conventions').waitFor();
    expect(await cardsInFirstRow(page)).toBe(4);
    await shoot(page, 'client-desk-en');
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'zh-CN'));
  });
});
