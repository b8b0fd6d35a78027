// 会诊 through the dashboard, in real Chromium against the real stack, on the demo engagement
// (和平里街道): the PM opens a consultation from an open task of 王浩然's, asking him and 刘思远,
// and the task waits for it; 王浩然 gives his opinion from a phone; his task shows why it waits and
// completing it is refused with the API's own words; the partner concludes, and the task no
// longer waits; the partner finds the conclusion in the firm's know-how; the client's contact
// never sees a consultation. Screenshots at desk and phone width land in e2e/artifacts/.
import type { ApiClient } from '@gongzhi/contracts';
import type { Browser, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, type Session, signIn } from './support/browser';
import { hasNoSidewaysScroll, waitForText } from './support/pages';

const baseUrl = inject('webUrl');
const DEMO_ENGAGEMENT_ID = '0195f2a0-0000-7000-8000-00000000de00';
const DEMO_ENGAGEMENT_NAME = '和平里街道创新社区治理法律服务项目';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const artifacts = new URL('./artifacts/', import.meta.url);

const TOPIC = '物业企业拒不移交共有部分收益账目，居委会能否代业主起诉？';
const QUESTION = [
  '安定门社区某小区物业服务企业多年经营电梯广告、地面停车位等共有部分，拒不向业主公开、移交收益账目。小区尚未成立业主委员会。请各位律师就以下问题提出意见：',
  '一、居委会能否以自己的名义代业主提起诉讼？',
  '二、如不能，业主应如何主张权利？居委会可提供哪些支持？',
].join('\n');
const MATERIALS =
  '《民法典》第二百八十二条、第二百八十六条；《北京市物业管理条例》第二十三条、第四十八条；该小区物业服务合同（2019年签订）；居民代表座谈会纪要。';
const OPINION = [
  '一、居委会不具备原告主体资格。共有部分收益归业主共有（《民法典》第二百八十二条），居委会并非权利人，亦无法律授权代为起诉。',
  '二、未成立业委会的，可由物业管理委员会或经业主共同决定授权的业主代表起诉；居委会可协助召开业主大会、组建物管会，并支持起诉。',
].join('\n');
const CONCLUSION =
  '居委会不宜以自己名义起诉。建议由街道指导组建物业管理委员会，经业主共同决定后以物管会名义要求物业企业公开、移交共有部分收益账目，必要时提起诉讼；居委会做好组织协调和证据收集工作。';
const PENDING_MESSAGE = '该任务正等待会诊结论：会诊形成结论或撤回后才能完成';

type TaskDetail = Awaited<ReturnType<ApiClient['getTask']>>;
type FormField = TaskDetail['form'][number];

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`consultations-${name}.png`, artifacts).pathname, fullPage });
}

const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * An open task of 王浩然's in the demo that he may complete now (dependencies done), preferring
 * one completed from its form alone (no file to upload, no cross-field rule).
 */
async function findLawyerTask(api: ApiClient): Promise<TaskDetail> {
  const page = await api.listTasks({
    query: { assignee: 'me', engagementId: DEMO_ENGAGEMENT_ID, status: ['active'], pageSize: 100 },
  });
  const candidates = page.items.filter((task) => !task.isGate);
  candidates.sort((a, b) => Number(a.hasDeliverable) - Number(b.hasDeliverable));
  for (const summary of candidates) {
    const task = await api.getTask({ params: { id: summary.id } });
    if (task.can.complete && task.dependsOn.every((dependency) => dependency.status === 'done' || dependency.status === 'cancelled')) return task;
  }
  throw new Error('the demo engagement has no open task of 王浩然 to try to complete');
}

/** Fills the task's form as a lawyer would, so that only the consultation stands in the way. */
async function fillTaskForm(page: Page, form: readonly FormField[]): Promise<void> {
  for (const field of form) {
    const control = page.locator(`#field-${field.key}`);
    const item = page.locator(`[data-field="${field.key}"]`);
    switch (field.type) {
      case 'text':
        await control.fill('安定门社区居委会、物业服务企业'.slice(0, field.maxLength));
        break;
      case 'textarea':
        await control.fill(
          '经审查，现行居民公约关于公共收益管理的条款与《民法典》第二百八十二条不一致，建议修订。'.slice(
            0,
            field.maxLength,
          ),
        );
        break;
      case 'number':
        await control.fill(String(field.min ?? 1));
        break;
      case 'date':
        await control.fill(todayInBeijing());
        break;
      case 'boolean':
        if (field.mustBeTrue) await control.check();
        else await item.getByText('是', { exact: true }).click();
        break;
      case 'select':
        await control.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        break;
      case 'multiselect':
        for (const option of field.options) await item.getByText(option.label.zh, { exact: true }).click();
        break;
    }
  }
}

/** Picks people in the form's 征求意见的律师 by their option labels. */
async function chooseInvitees(page: Page, labels: string[]): Promise<void> {
  const field = page.getByTestId('consultation-form-invitees');
  await field.getByRole('combobox').click();
  for (const label of labels) {
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: label })
      .first()
      .click();
    await field.locator('.ant-select').getByText(label).waitFor();
  }
  // Close the list by clicking the dialog's title (Escape would close the dialog itself).
  await page.locator('.ant-modal:visible .ant-modal-title').click();
}

describe('会诊, from a task’s hard question to the firm’s know-how', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let task: TaskDetail;
  let consultationId = '';
  // One page per user for the whole story (each user may hold five live-update streams per API process).
  let pm: Session;
  let lawyer: Session;
  let partner: Session;

  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const session = await signIn(browser, baseUrl, username, viewport ? { viewport } : {});
    sessions.push(session);
    return session;
  };

  /** Expected refusals are asserted where they happen; they are not among the run's problems. */
  const acceptRefusal = (session: Session, matches: (problem: string) => boolean) => {
    const refused = session.problems.filter(matches);
    expect(refused.length).toBeGreaterThan(0);
    session.problems.splice(
      0,
      session.problems.length,
      ...session.problems.filter((problem) => !refused.includes(problem)),
    );
  };

  beforeAll(async () => {
    browser = await launchChromium();
    task = await findLawyerTask(await signInApi(baseUrl, 'lawyer'));
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    for (const [index, page] of sessions.flatMap((session) => session.context.pages()).entries()) {
      await page
        .screenshot({ path: new URL(`consultations-failure-${index}.png`, artifacts).pathname, fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('the PM opens a consultation from the lawyer’s task, asking 王浩然 and 刘思远, and the task waits for it', async () => {
    pm = await open('pm');
    const { page } = pm;
    await page.goto(`${baseUrl}/tasks/${task.id}`);
    await page.getByRole('heading', { name: task.title.zh }).waitFor();
    await page.getByTestId('task-consultations').waitFor({ timeout: 30_000 });
    await page.getByTestId('task-consultation-open-button').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    await page.getByTestId('consultation-form-topic').fill(TOPIC);
    await page.getByTestId('consultation-form-question').fill(QUESTION);
    await page.getByTestId('consultation-form-materials').fill(MATERIALS);
    await chooseInvitees(page, ['王浩然（律师）', '刘思远（律师）']);
    // The PM asks; the PM is not among those offered.
    await page.getByTestId('consultation-form-invitees').getByRole('combobox').click();
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await offered.filter({ hasText: '张振华（合伙人）' }).waitFor();
    expect(
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '李婧' }).count(),
    ).toBe(0);
    await page.locator('.ant-modal:visible .ant-modal-title').click();
    // Three days ahead is proposed; the task is the one this page is about, and waits by default.
    const due = page.getByTestId('consultation-form-due');
    expect(await due.inputValue()).toBe(
      new Date(Date.parse(`${todayInBeijing()}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(await page.getByTestId('consultation-form-holds-task').isChecked()).toBe(true);
    await shoot(page, 'form-desk', false);
    await page.getByTestId('consultation-form-submit').click();
    await expect.poll(async () => dialog.count(), { timeout: 30_000 }).toBe(0);

    // The new consultation opens in its drawer.
    const detail = page.getByTestId('consultation-detail');
    await detail.waitFor({ timeout: 30_000 });
    consultationId = (await detail.getAttribute('data-consultation-id')) ?? '';
    expect(consultationId).toMatch(/^[0-9a-f-]{36}$/);
    await detail.getByText('征求意见中').first().waitFor();
    await detail.getByTestId('consultation-holds-task').waitFor();
    await shoot(page, 'detail-open-desk', false);
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
    await expect.poll(() => detail.count(), { timeout: 10_000 }).toBe(0);

    const row = page.getByTestId('task-consultations').locator(`[data-consultation-id="${consultationId}"]`);
    await row.getByText('0/2 已答复').waitFor({ timeout: 30_000 });
    const hold = page.getByTestId('task-consultation-hold-alert');
    await hold.waitFor({ timeout: 30_000 });
    expect(await hold.textContent()).toContain(`该任务正等待会诊结论（${TOPIC}），会诊形成结论或撤回后才能完成`);
    await shoot(page, 'task-hold-desk');
  });

  it('王浩然 gives his opinion from a phone', async () => {
    lawyer = await open('lawyer', PHONE);
    const { page } = lawyer;
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=consultations`);
    const row = page.locator(`[data-testid="consultation-row"][data-consultation-id="${consultationId}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByText('0/2 已答复').waitFor();
    await row.getByTestId('consultation-holds-task').waitFor();
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'list-phone');
    await row.click();
    const detail = page.getByTestId('consultation-detail');
    await detail.waitFor();
    await detail.getByTestId('consultation-question').getByText('居委会能否以自己的名义代业主提起诉讼').waitFor();
    // A lawyer asked gives opinions; concluding is the partner's or the PM's, withdrawing the requester's.
    expect(await page.getByTestId('consultation-conclusion-input').count()).toBe(0);
    expect(await page.getByTestId('consultation-withdraw-button').count()).toBe(0);
    await page.getByTestId('consultation-opinion-input').fill(OPINION);
    await shoot(page, 'opinion-phone', false);
    await page.getByTestId('consultation-opinion-submit').click();
    const opinion = detail.getByTestId('consultation-opinion').filter({ hasText: '居委会不具备原告主体资格' });
    await opinion.waitFor({ timeout: 30_000 });
    expect(await opinion.textContent()).toContain('王浩然');
    // Its line breaks are kept.
    expect(await opinion.locator('.gz-consultation-text').innerText()).toContain('\n二、未成立业委会的');
    await detail
      .getByTestId('consultation-invitee')
      .filter({ hasText: '王浩然' })
      .and(page.locator('[data-answered="true"]'))
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('consultation-opinion-input').inputValue()).toBe('');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'detail-phone');
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
    await row.getByText('1/2 已答复').waitFor({ timeout: 30_000 });
  });

  it('his task says why it waits, and completing it is refused in the API’s words', async () => {
    const { page } = lawyer;
    await page.setViewportSize(DESK);
    await page.goto(`${baseUrl}/tasks/${task.id}`);
    await page.getByRole('heading', { name: task.title.zh }).waitFor();
    await page.getByTestId('task-consultation-hold-alert').waitFor({ timeout: 30_000 });
    if (task.deliverable === null && task.rules.length === 0) {
      // Completed from its form alone: the dashboard shows the API's refusal.
      await fillTaskForm(page, task.form);
      await page.getByTestId('task-submit').click();
      await waitForText(page, PENDING_MESSAGE);
      acceptRefusal(
        lawyer,
        (problem) => problem.startsWith('HTTP 409 POST') && problem.includes(`/api/tasks/${task.id}/complete`),
      );
      // Still open: nothing was completed.
      expect(await page.getByTestId('task-submit').count()).toBe(1);
    }
    // Whatever the form holds, the workflow refuses the completion while the consultation is open.
    const refusal = await (await signInApi(baseUrl, 'lawyer'))
      .completeTask({ params: { id: task.id }, body: { formData: {} } })
      .then(() => null, (error: unknown) => error as { status?: number; code?: string; message?: string });
    expect(refusal).toMatchObject({ status: 409, code: 'consultation_pending' });
    expect((await (await signInApi(baseUrl, 'lawyer')).getTask({ params: { id: task.id } })).status).toBe('active');
    await shoot(page, 'task-refused-desk');
  });

  it('the partner concludes, and the task no longer waits', async () => {
    partner = await open('partner');
    const { page } = partner;
    // A link to the consultation opens it in the engagement's tab.
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=consultations&consultation=${consultationId}`);
    const detail = page.getByTestId('consultation-detail');
    await detail.waitFor({ timeout: 30_000 });
    await detail.getByTestId('consultation-opinion').filter({ hasText: '居委会不具备原告主体资格' }).waitFor();
    await page.getByTestId('consultation-conclusion-input').fill(CONCLUSION);
    await page.getByTestId('consultation-conclude-submit').click();
    const conclusion = detail.getByTestId('consultation-conclusion');
    await conclusion.waitFor({ timeout: 30_000 });
    expect(await conclusion.textContent()).toContain('以物管会名义要求物业企业公开、移交共有部分收益账目');
    expect(await conclusion.textContent()).toContain('张振华 于');
    await detail.getByText('已形成结论').first().waitFor();
    // Closed: nobody can add to it.
    expect(await page.getByTestId('consultation-opinion-input').count()).toBe(0);
    expect(await page.getByTestId('consultation-conclusion-input').count()).toBe(0);
    await shoot(page, 'concluded-desk', false);

    // The same consultation, in English.
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'en'));
    await page.reload();
    await page.getByTestId('consultation-detail').getByText('Conclusion', { exact: true }).waitFor({ timeout: 30_000 });
    await shoot(page, 'concluded-desk-en', false);
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'zh-CN'));
    await page.reload();
    await page.getByTestId('consultation-detail').waitFor({ timeout: 30_000 });
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
    await expect.poll(() => page.getByTestId('consultation-detail').count(), { timeout: 10_000 }).toBe(0);

    // 王浩然's task page: the notice is gone, the consultation reads as concluded.
    const lawyerPage = lawyer.page;
    await lawyerPage.goto(`${baseUrl}/tasks/${task.id}`);
    const row = lawyerPage.getByTestId('task-consultations').locator(`[data-consultation-id="${consultationId}"]`);
    await row.getByText('已形成结论').waitFor({ timeout: 30_000 });
    expect(await lawyerPage.getByTestId('task-consultation-hold-alert').count()).toBe(0);
    await shoot(lawyerPage, 'task-released-desk');
  });

  it('the partner finds the conclusion in the firm’s know-how, at the desk and on a phone', async () => {
    const { page } = partner;
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=consultations`);
    await page.getByTestId('consultation-search-input').fill('共有部分收益');
    await page.getByTestId('consultation-search-input').press('Enter');
    const result = page.locator(`[data-testid="consultation-search-result"][data-consultation-id="${consultationId}"]`);
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain(TOPIC);
    expect(await result.textContent()).toContain(DEMO_ENGAGEMENT_NAME);
    expect(await result.textContent()).toContain('张振华 于');
    await result.scrollIntoViewIfNeeded();
    await shoot(page, 'search-desk', false);
    await page.setViewportSize(PHONE);
    await result.scrollIntoViewIfNeeded();
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'search-phone', false);
    await page.setViewportSize(DESK);
  });

  it('the client’s contact sees no consultation', async () => {
    const { page } = await open('client', PHONE);
    await page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=consultations`);
    await page.getByRole('heading', { name: DEMO_ENGAGEMENT_NAME }).waitFor({ timeout: 30_000 });
    await page.getByTestId('worklog-tab').waitFor();
    expect(await page.getByTestId('consultations-tab').count()).toBe(0);
    expect(await page.getByTestId('consultations').count()).toBe(0);
    expect(await page.getByText(TOPIC).count()).toBe(0);
    await shoot(page, 'client-phone', false);
  });
});
