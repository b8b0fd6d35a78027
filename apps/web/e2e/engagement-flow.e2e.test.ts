// One engagement's proposal stage, start to finish, through the dashboard in real Chromium
// against the real stack: a PM creates the engagement and hands the first task to 王浩然; the
// lawyer completes the service plan with its file; the partner sends it back; the lawyer revises;
// the partner approves; the remaining proposal tasks close; the training stage opens; the client
// downloads the approved plan. Along the way: live updates, notifications, pause and resume.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, rendersChineseGlyphs, type Session, signIn } from './support/browser';
import { choose, hasNoSidewaysScroll, openMyTask, submitTask, uploadFile, waitForText } from './support/pages';

const baseUrl = inject('webUrl');
const run = Date.now().toString(36).slice(-5);
const clientName = `和平街道办事处-${run}`;
const engagementName = `和平街道创新社区治理法律服务项目-${run}`;
const PHONE = { width: 390, height: 844 };
const changesComment = '第三部分“工作计划”缺少各社区调研的具体时间安排，请补充后重新提交。';

describe('an engagement from creation to the next stage', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let engagementId = '';
  let pm: Session;
  let lawyer: Session;
  let partner: Session;
  let client: Session;
  let planTaskUrl = '';

  const open = async (username: string) => {
    const session = await signIn(browser, baseUrl, username);
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    // What each user saw when the step failed: e2e/artifacts/<user>.png.
    const directory = new URL('./artifacts/', import.meta.url);
    await mkdir(directory, { recursive: true });
    for (const [index, session] of sessions.entries()) {
      for (const page of session.context.pages()) {
        await page.screenshot({ path: new URL(`failure-${index}-${page.url().split('/').slice(3).join('_') || 'home'}.png`, directory).pathname, fullPage: true }).catch(() => undefined);
      }
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    // Expected refusals are asserted where they happen; anything else is a defect.
    expect(problems).toEqual([]);
  });

  it('a PM creates the engagement with the wizard, and Chinese renders', async () => {
    pm = await open('pm');
    const { page } = pm;
    expect(await rendersChineseGlyphs(page)).toBe(true);
    await page.goto(`${baseUrl}/engagements/new`);
    await page.getByLabel('委托方', { exact: true }).fill(clientName);
    await page.getByLabel('委托方', { exact: true }).blur();
    await page.getByLabel('项目名称').fill(engagementName);
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('服务社区').fill('和平里社区、青年湖社区、');
    await page.getByRole('button', { name: '下一步' }).click();

    await choose(page, '合伙人', '张振华');
    // 刘思远 first: the plan's first lawyer task goes to the first lawyer, and the PM reassigns it below.
    await choose(page, '律师', '刘思远');
    await choose(page, '律师', '王浩然');
    await choose(page, '委托方联系人', '赵建华');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByTestId('create-engagement-submit').waitFor();
    // The review step lists what will be created.
    const summary = page.locator('.ant-descriptions:visible');
    expect(await summary.textContent()).toContain('和平里社区');
    expect(await summary.textContent()).toContain('张振华');
    await page.getByTestId('create-engagement-submit').click();
    await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    engagementId = page.url().split('/').at(-1) as string;
    await page.getByRole('heading', { name: engagementName }).waitFor();
    // The workflow opens the first stage a moment after creation; the page follows without a reload.
    await page.locator('[data-stage="proposal"][data-tone="active"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-stage="training"]').getAttribute('data-tone')).toBe('pending');
  });

  it('the PM reassigns the service plan from 刘思远 to 王浩然', async () => {
    const { page } = pm;
    await page.getByRole('tab', { name: /任务/ }).click();
    const row = page.locator('tbody tr[data-task-id]').filter({ has: page.getByRole('link', { name: '拟定项目法律服务方案', exact: true }) });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('刘思远');
    await row.getByRole('button', { name: /重新分派/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('当前负责人：刘思远（律师）').waitFor();
    // A live update landing with the click (the new engagement's tasks opening) can re-render the
    // list under the dialog and drop the choice (noted for a fix): choose again until it holds.
    const choice = dialog.getByRole('radio', { name: '王浩然' });
    for (let attempt = 0; attempt < 5 && !(await choice.isChecked()); attempt += 1) {
      await choice.click();
      await page.waitForTimeout(200);
    }
    expect(await choice.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: /分\s*派/ }).click();
    await waitForText(page, '已分派给 王浩然', 30_000);
    await row.filter({ hasText: '王浩然' }).waitFor({ timeout: 30_000 });
  });

  it('the portfolio lists it; its largest contentful paint is measured against the sign-in page’s', async () => {
    // Each page in a fresh context: a cold cache, as on a first visit of the day. The sign-in page
    // (the same bundle, no data) is the baseline in the same run: the machine's load moves both,
    // so their ratio says what the portfolio's data costs, where a fixed number of ms would say
    // how busy the machine was.
    const measure = async (path: string, ready: (page: Page) => Promise<unknown>, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...(storageState ? { storageState } : {}) });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const record = window as unknown as { __lcp: number };
        record.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) record.__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${baseUrl}${path}`);
      await ready(page);
      await page.waitForTimeout(500);
      const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
      await context.close();
      return lcp;
    };
    const signInPage = await measure('/login', (page) => page.getByRole('button', { name: /登\s*录/ }).waitFor({ timeout: 30_000 }));
    const portfolio = await measure('/engagements', (page) => page.getByRole('link', { name: engagementName }).waitFor({ timeout: 30_000 }), await pm.context.storageState());
    process.stdout.write(`\nPortfolio page largest contentful paint: ${Math.round(portfolio)} ms; sign-in page ${Math.round(signInPage)} ms (× ${(portfolio / signInPage).toFixed(2)})\n\n`);
    expect(signInPage).toBeGreaterThan(0);
    expect(portfolio).toBeGreaterThan(0);
    // Data, a table and a chart on top of the shell: a few times the bare page, not an order of magnitude.
    expect(portfolio / signInPage).toBeLessThan(5);
  });

  it('the lawyer finds the service plan first in 我的任务, uploads the file and submits it for review', async () => {
    lawyer = await open('lawyer');
    const { page } = lawyer;
    await openMyTask(page, baseUrl, engagementName, '拟定项目法律服务方案');
    planTaskUrl = page.url();
    // Without the file, the form says what is missing instead of failing on the server.
    await waitForText(page, '请先上传成果文件，再提交。');
    await uploadFile(page, '项目法律服务方案.docx', '项目法律服务方案（第一稿）', '第一稿');
    await page.getByLabel('服务背景').fill('街道辖区内老旧小区多，私搭乱建、侵占绿地等问题突出，居民公约长期未修订。');
    await page.getByLabel('工作计划摘要').fill('分七个阶段推进：方案、培训、调研、政府依法治理体系、居民自治体系、良性互动机制、推广深化。');
    await submitTask(page, '提交审阅', '已提交审阅，合伙人会收到通知');
    await waitForText(page, '成果已提交，正在等待合伙人审阅');
  });

  it('the partner finds it in 待审阅 and requests changes; the lawyer’s open page updates live', async () => {
    partner = await open('partner');
    const { page } = partner;
    await page.goto(`${baseUrl}/reviews`);
    const row = page.locator('tbody tr').filter({ hasText: engagementName }).filter({ hasText: '项目法律服务方案' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().getByRole('button', { name: /审\s*阅/ }).click();
    await page.waitForURL(/\/deliverables\//);
    await waitForText(page, '正在审阅第 1 版');
    await page.getByTestId('review-form').getByText('退回修改', { exact: true }).click();
    // A request for changes without a comment is refused before it is sent.
    await page.getByTestId('review-submit').click();
    await waitForText(page, '退回修改时必须填写审阅意见');
    await page.getByRole('textbox', { name: '审阅意见' }).fill(changesComment);
    await page.getByTestId('review-submit').click();
    await waitForText(page, '已退回修改，承办律师会收到通知', 60_000);

    // No reload: the lawyer's task page learns of the review over server-sent events.
    await lawyer.page.getByTestId('latest-review-comment').filter({ hasText: changesComment }).waitFor({ timeout: 30_000 });
    expect(lawyer.page.url()).toBe(planTaskUrl);
  });

  it('the lawyer reads the comment, uploads revision 2 and resubmits', async () => {
    const { page } = lawyer;
    await waitForText(page, '请先按审阅意见上传修改后的新版本，再提交。');
    await uploadFile(page, '项目法律服务方案（修改稿）.docx', '项目法律服务方案（修改稿）', '已补充各社区调研时间表');
    // The form keeps the first submission's answers.
    expect(await page.getByLabel('服务背景').inputValue()).toContain('私搭乱建');
    await submitTask(page, '提交修改稿', '已提交审阅，合伙人会收到通知');
  });

  it('the partner approves revision 2 from a phone: the page fits, the decision is thumb-sized', async () => {
    // Between meetings, from the notification's link: the same page at 390 px.
    const reviewUrl = partner.page.url();
    partner = await signIn(browser, baseUrl, 'partner', { viewport: PHONE });
    sessions.push(partner);
    const { page } = partner;
    await page.goto(reviewUrl);
    await waitForText(page, '正在审阅第 2 版', 30_000);
    await waitForText(page, changesComment);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    // Revision 2's file can be fetched from the phone; its download is on screen, not cut off.
    const download = await page.getByTestId('download-revision-2').boundingBox();
    expect(download!.x + download!.width).toBeLessThanOrEqual(PHONE.width);
    for (const target of [page.getByTestId('review-form').locator('.ant-radio-button-wrapper').first(), page.getByTestId('review-submit')]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    const form = (await page.getByTestId('review-form').boundingBox())!;
    expect((await page.getByTestId('review-submit').boundingBox())!.width).toBeGreaterThan(form.width - 2);
    await page.screenshot({ path: new URL('./artifacts/review-phone.png', import.meta.url).pathname, fullPage: true });
    await page.getByTestId('review-form').getByText('通过', { exact: true }).click();
    await page.getByRole('textbox', { name: '审阅意见' }).fill('方案完整，同意提交委托方。');
    await page.getByTestId('review-submit').click();
    await waitForText(page, '已审阅通过', 60_000);
  });

  it('the PM meets the client, the client confirms online, the PM records the signed agreement — and the training stage opens', async () => {
    await openMyTask(pm.page, baseUrl, engagementName, '与委托方沟通服务方案');
    await pm.page.getByLabel('会谈日期').fill('2025-03-10');
    await pm.page.getByLabel('参会人员').fill('街道办事处主任、司法所所长、王浩然');
    await pm.page.getByLabel('会谈纪要').fill('委托方同意服务方案，要求先行开展培训。');
    await submitTask(pm.page, '完成任务', '任务已完成');

    client = await open('client');
    await openMyTask(client.page, baseUrl, engagementName, '委托方确认服务方案');
    await client.page.getByRole('checkbox', { name: '确认服务方案' }).check();
    await submitTask(client.page, '完成任务', '任务已完成');

    await openMyTask(pm.page, baseUrl, engagementName, '签订合作协议');
    await uploadFile(pm.page, '合作协议（签署版）.docx', '合作协议');
    await pm.page.getByLabel('合同编号').fill(`GZ-2025-${run}`);
    await pm.page.getByLabel('签订日期').fill('2025-03-12');
    await submitTask(pm.page, '完成任务', '任务已完成');

    await pm.page.goto(`${baseUrl}/engagements/${engagementId}`);
    await pm.page.locator('[data-stage="training"][data-tone="active"]').waitFor({ timeout: 60_000 });
    expect(await pm.page.locator('[data-stage="proposal"]').getAttribute('data-tone')).toBe('done');
    await openMyTask(pm.page, baseUrl, engagementName, '制定培训计划');
  });

  it('the lawyer’s notifications tell the story; marking them read clears the bell', async () => {
    const { page } = lawyer;
    const bell = page.getByTestId('notification-bell');
    await bell.click();
    const panel = page.locator('.gz-bell-panel');
    await panel.getByText(/退回|修改/).first().waitFor({ timeout: 30_000 });
    expect(Number((await bell.locator('.ant-badge-count').getAttribute('title')) ?? '0')).toBeGreaterThan(0);
    await panel.getByRole('button', { name: '全部标为已读' }).click();
    await bell.locator('.ant-badge-count').waitFor({ state: 'detached', timeout: 30_000 });
    await page.goto(`${baseUrl}/notifications`);
    await waitForText(page, engagementName);
  });

  it('the PM pauses the engagement with a reason and resumes it', async () => {
    const { page } = pm;
    await page.goto(`${baseUrl}/engagements/${engagementId}`);
    await page.getByTestId('pause-engagement').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '原因' }).fill('委托方要求待居委会换届选举结束后继续。');
    await dialog.getByRole('button', { name: /暂\s*停/ }).click();
    await waitForText(page, '项目已暂停：计时已停止，任务暂不能办理', 60_000);
    await waitForText(page, '原因：委托方要求待居委会换届选举结束后继续。');
    await page.getByTestId('resume-engagement').click();
    await page.getByRole('dialog').getByRole('button', { name: /恢\s*复/ }).click();
    await page.getByTestId('pause-engagement').waitFor({ timeout: 60_000 });
  });

  it('the client sees the progress, read-only, and downloads the approved plan', async () => {
    const { page } = client;
    await page.goto(`${baseUrl}/engagements/${engagementId}`);
    await waitForText(page, '已通过的成果');
    const row = page.locator('tbody tr').filter({ hasText: '项目法律服务方案' });
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /下载/ }).click()]);
    expect(download.suggestedFilename()).toBe('项目法律服务方案（修改稿）.docx');
    expect(await page.getByRole('button', { name: '暂停项目' }).count()).toBe(0);
  });
});
