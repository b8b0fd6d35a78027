// Regenerates docs/screenshots/*.png: the dashboard's main pages at 1440×900 (plus the same
// pages in English and at tablet width), in Debian's Chromium, with demo data.
//
//   node --import tsx scripts/screenshots.ts                    # starts its own stack (like the E2E run)
//   node --import tsx scripts/screenshots.ts --url http://127.0.0.1:5173   # a stack you already run (`pnpm start`)
//   … --only knowledge --out /tmp/shots --full   # just the knowledge base pages, elsewhere, whole pages
//
// On top of the demo engagement that `pnpm start` seeds, it creates a few engagements through the
// API so each page has something to show: an overdue task, work sent back for changes, revisions
// awaiting review.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ApiClient } from '@gongzhi/contracts';
import type { Browser, Page } from 'playwright-core';
import { signInApi, waitForTask } from '../e2e/support/api';
import { launchChromium, signIn } from '../e2e/support/browser';
import { DOCX_MIME, makeDocx } from '@gongzhi/testing';
import { serveDashboard, startStack } from '../e2e/support/stack';

let outDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
/** Whole pages rather than the first screen: for reviewing a page, not for the README. */
let isFullPage = false;
const DEMO_ENGAGEMENT_ID = '0195f2a0-0000-7000-8000-00000000de00';
const log = (message: string) => void process.stderr.write(`[screenshots] ${message}\n`);

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const docx = (name: string, text: string) => new File([new Uint8Array(makeDocx(text))], name, { type: DOCX_MIME });

interface Scenario {
  engagementId: string;
  taskWithComments: string;
  deliverableInReview: string;
}

/** Engagements in the states the screenshots should show, created through the API like a PM would. */
async function seedScenario(baseUrl: string): Promise<Scenario> {
  const pm = await signInApi(baseUrl, 'pm');
  const lawyer = await signInApi(baseUrl, 'lawyer');
  const partner = await signInApi(baseUrl, 'partner');
  const users = async (role: 'partner' | 'lawyer') => (await pm.listUsers({ query: { role, pageSize: 100 } })).items;
  const partnerId = (await users('partner')).find((user) => user.username === 'partner')?.id;
  const lawyerId = (await users('lawyer')).find((user) => user.username === 'lawyer')?.id;
  const me = await pm.getMe();
  if (!partnerId || !lawyerId) throw new Error('the demo users partner and lawyer are missing');

  const create = async (clientName: string, startedDaysAgo: number, communities: string[]) =>
    pm.createEngagement({
      body: {
        name: `${clientName.replace('办事处', '')}创新社区治理法律服务项目`,
        clientName,
        clientKind: clientName.endsWith('政府') ? 'township' : 'street',
        communities: communities.map((name) => ({ name })),
        departments: [{ name: '街道综合行政执法队' }, { name: '市场监督管理所' }],
        team: { pm: me.user.id, partner: partnerId, lawyers: [lawyerId] },
        startDate: daysAgo(startedDaysAgo),
        templateKey: 'community-governance',
      },
    });

  const submitPlan = async (api: ApiClient, engagementId: string, fileName: string, note: string) => {
    const task = await waitForTask(api, engagementId, 'proposal.draft-service-plan', 'active').catch(() => waitForTask(api, engagementId, 'proposal.draft-service-plan', 'changes_requested'));
    const detail = await api.getTask({ params: { id: task.id } });
    const deliverableId = detail.deliverable?.id;
    if (!deliverableId) throw new Error('the service plan task has no deliverable');
    const { sha256 } = await api.uploadDeliverableFile({ params: { id: deliverableId }, body: { file: docx(fileName, fileName) } });
    await api.completeTask({
      params: { id: task.id },
      body: {
        file: { sha256 },
        formData: {
          background: '辖区内老旧小区集中，私搭乱建、侵占绿地、群租等问题反复出现，居民公约多年未修订，居委会依法履职依据不足。',
          workPlanSummary: '按方案与合作、项目培训、实地调研、政府依法治理体系、居民依法自治体系、良性互动机制、推广与深化七个阶段推进，各阶段成果按期提交审阅。',
        },
        note,
      },
    });
    return { taskId: task.id, deliverableId, sha256 };
  };

  log('creating the scenario engagements…');
  const overdue = await create('东城区东四街道办事处', 40, ['东四北社区', '豆瓣社区', '总院社区']);
  const revised = await create('东城区朝阳门街道办事处', 24, ['史家社区', '演乐社区', '内务社区', '竹杆社区']);
  const firstDraft = await create('东城区建国门街道办事处', 12, ['西总布社区', '赵家楼社区']);
  const returned = await create('怀柔区渤海镇人民政府', 4, ['渤海所村', '六渡河村', '四渡河村']);
  await create('东城区景山街道办事处', 1, ['吉祥社区', '黄化门社区', '景山东街社区']);

  // Revised: sent back once, revision 2 now awaits the partner — the deliverable page's story.
  const plan = await submitPlan(lawyer, revised.id, '朝阳门街道项目法律服务方案-第1稿.docx', '第一稿，请审阅。');
  await partner.reviewDeliverable({
    params: { id: plan.deliverableId },
    body: { decision: 'request_changes', revision: 1, sha256: plan.sha256, comment: '1. 第三部分工作计划未列明各社区调研的具体时间，请补充时间表；\n2. 服务内容中“联动执法”部分应写明需座谈的职能部门清单；\n3. 请将预期效果与《北京市物业管理条例》相关条款对应。' },
  });
  await waitForTask(lawyer, revised.id, 'proposal.draft-service-plan', 'changes_requested');
  await submitPlan(lawyer, revised.id, '朝阳门街道项目法律服务方案-第2稿.docx', '已按意见补充调研时间表、职能部门清单及法规对应关系。');

  // First draft: in the review queue too.
  await submitPlan(lawyer, firstDraft.id, '建国门街道项目法律服务方案-第1稿.docx', '第一稿。');

  // Returned: the lawyer's task page with the partner's comments to address.
  const returnedPlan = await submitPlan(lawyer, returned.id, '渤海镇项目法律服务方案-第1稿.docx', '第一稿。');
  await partner.reviewDeliverable({
    params: { id: returnedPlan.deliverableId },
    body: { decision: 'request_changes', revision: 1, sha256: returnedPlan.sha256, comment: '方案对渤海镇各村的产业与人口情况介绍过简，请补充村民自治现状；另请说明村规民约修订的民主程序（村民会议表决及备案）安排。' },
  });
  await waitForTask(lawyer, returned.id, 'proposal.draft-service-plan', 'changes_requested');
  void overdue;
  return { engagementId: DEMO_ENGAGEMENT_ID, taskWithComments: returnedPlan.taskId, deliverableInReview: plan.deliverableId };
}

async function shoot(page: Page, name: string, ready: () => Promise<unknown>, { fullPage = isFullPage }: { fullPage?: boolean } = {}): Promise<void> {
  await ready();
  // Let charts, fonts and live-update indicators settle; hide transient toasts.
  await page.waitForTimeout(1000);
  await page.addStyleTag({ content: '.ant-message, .ant-notification { display: none !important; }' });
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage });
  log(`${name}.png`);
}

const PROPERTY_LAW = 'bj-property-management-regulations';

/**
 * A revised law, so the knowledge pages have a comparison to show and every engagement's copy
 * (the demo engagement's too) has an entry behind the master: the PM corrects two summaries.
 */
async function seedKnowledge(baseUrl: string): Promise<{ lawVersion: number }> {
  const pm = await signInApi(baseUrl, 'pm');
  const law = await pm.getKnowledgeEntry({ params: { kind: 'law', key: PROPERTY_LAW } });
  const content = law.content as { excerpts: { article: number; summary: string }[]; notes?: string };
  // Run against the same stack again, the edit undoes itself: every run has a change to show.
  const toggle = (text: string, plain: string, amended: string) => (text.includes(amended) ? text.replace(amended, plain) : text.replace(plain, amended));
  const excerpts = content.excerpts.map((excerpt) =>
    excerpt.article === 35
      ? { ...excerpt, summary: toggle(excerpt.summary, '会议召开十五日前通知全体业主；', '会议召开十五日前通知全体业主并公告；') }
      : excerpt.article === 41
        ? { ...excerpt, summary: toggle(excerpt.summary, '不超过五年。', '不超过五年，可以连选连任。') }
        : excerpt,
  );
  const saved = await pm.reviseKnowledgeEntry({
    params: { kind: 'law', key: PROPERTY_LAW },
    body: { content: { ...law.content, excerpts } as typeof law.content, reason: '对照2024年修正文本，补充第三十五条公告要求和第四十一条连任规定', expectedVersion: law.version },
  });
  return { lawVersion: saved.version };
}

/** The knowledge base on a desk and on a phone: the list, a violation, a comparison, an engagement's copy. */
async function captureKnowledge(browser: Browser, baseUrl: string, engagementId: string, lawVersion: number): Promise<void> {
  for (const [suffix, viewport] of [
    ['', { width: 1440, height: 900 }],
    ['-phone', { width: 390, height: 844 }],
  ] as const) {
    const pm = await signIn(browser, baseUrl, 'pm', { viewport });
    const { page } = pm;
    await page.goto(`${baseUrl}/knowledge`);
    await shoot(page, `knowledge${suffix}`, () => page.locator('tbody tr.gz-clickable-row').nth(5).waitFor());
    await page.goto(`${baseUrl}/knowledge?q=${encodeURIComponent('物业管理')}&unverified=true`);
    await shoot(page, `knowledge-search${suffix}`, () => page.locator('tbody tr.gz-clickable-row').first().waitFor());
    await page.goto(`${baseUrl}/knowledge/violation/illegal-construction`);
    await shoot(page, `knowledge-violation${suffix}`, () => page.getByTestId('violation-penalties').waitFor());
    await page.goto(`${baseUrl}/knowledge/law/${PROPERTY_LAW}`);
    await shoot(page, `knowledge-law${suffix}`, () => page.getByTestId('law-excerpts').waitFor());
    await page.goto(`${baseUrl}/knowledge/law/${PROPERTY_LAW}?tab=history&version=${lawVersion}`);
    await shoot(page, `knowledge-compare${suffix}`, () => page.locator('.gz-kb-change').first().waitFor());
    await page.goto(`${baseUrl}/knowledge/law/${PROPERTY_LAW}/edit`);
    await shoot(page, `knowledge-edit${suffix}`, () => page.getByTestId('excerpt-item').first().waitFor());
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=knowledge`);
    await shoot(page, `engagement-knowledge${suffix}`, () => page.locator('tr[data-entry]').nth(3).waitFor({ timeout: 30_000 }));
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=knowledge&entry=law:${PROPERTY_LAW}`);
    // A drawer covers the viewport: the page behind it is not worth a whole-page picture.
    await shoot(page, `engagement-knowledge-compare${suffix}`, () => page.getByTestId('copy-master').waitFor({ timeout: 30_000 }), { fullPage: false });
    await pm.context.close();
  }
  // The same pages in English.
  const english = await signIn(browser, baseUrl, 'pm');
  await english.page.goto(`${baseUrl}/knowledge/law/${PROPERTY_LAW}?tab=history&version=${lawVersion}`);
  await english.page.locator('.gz-kb-change').first().waitFor();
  await english.page.getByTestId('language-switch').getByText('EN').click();
  await shoot(english.page, 'knowledge-compare-en', () => english.page.getByText('Version history').waitFor());
  await english.page.goto(`${baseUrl}/engagements/${engagementId}?tab=knowledge`);
  await shoot(english.page, 'engagement-knowledge-en', () => english.page.locator('tr[data-entry]').nth(3).waitFor({ timeout: 30_000 }));
  await english.page.getByTestId('language-switch').getByText('中').click();
  await english.page.getByText('知识库').first().waitFor();
  await english.context.close();
}

async function capture(browser: Browser, baseUrl: string, scenario: Scenario): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const loginPage = await context.newPage();
  await loginPage.goto(`${baseUrl}/login`);
  await shoot(loginPage, 'login', () => loginPage.getByLabel('用户名').waitFor());
  await context.close();

  const pm = await signIn(browser, baseUrl, 'pm');
  await pm.page.goto(`${baseUrl}/engagements`);
  await shoot(pm.page, 'portfolio', () => pm.page.locator('tbody tr.gz-clickable-row').nth(3).waitFor());
  await pm.page.goto(`${baseUrl}/engagements/${scenario.engagementId}`);
  await shoot(pm.page, 'engagement', () => pm.page.getByTestId('task-timeline').waitFor({ timeout: 30_000 }));
  // Further down the same page: the matrix and the planned-vs-actual timeline.
  await shoot(pm.page, 'engagement-timeline', () => pm.page.getByTestId('task-timeline').evaluate((element) => element.closest('.ant-card')?.scrollIntoView({ block: 'end' })));
  await pm.page.goto(`${baseUrl}/risk`);
  await shoot(pm.page, 'risk', () => pm.page.locator('tbody tr').nth(1).waitFor());
  // The demo engagement's problem cases (a case with its history), its 德治典型, and its 12345 figures.
  await pm.page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=cases`);
  await shoot(pm.page, 'cases', () => pm.page.getByTestId('model-households').getByText('共 3 户').waitFor({ timeout: 30_000 }));
  await pm.page.getByTestId('case-link').filter({ hasText: '消防通道' }).click();
  await shoot(pm.page, 'case', () => pm.page.getByTestId('case-referral-letter').first().waitFor(), { fullPage: false });
  await pm.page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=hotline`);
  await shoot(pm.page, 'hotline', () => pm.page.getByTestId('hotline-synthetic').waitFor({ timeout: 30_000 }));
  const contact = await signIn(browser, baseUrl, 'client', { viewport: { width: 390, height: 844 } });
  await contact.page.goto(`${baseUrl}/engagements/${DEMO_ENGAGEMENT_ID}?tab=cases`);
  await contact.page.getByTestId('case-card').filter({ hasText: '楼道堆放杂物' }).click();
  await shoot(contact.page, 'case-phone', () => contact.page.getByTestId('case-letter').waitFor(), { fullPage: false });

  const lawyer = await signIn(browser, baseUrl, 'lawyer');
  await lawyer.page.goto(`${baseUrl}/tasks`);
  await shoot(lawyer.page, 'my-tasks', () => lawyer.page.locator('tbody tr[data-task-id]').nth(2).waitFor());
  await lawyer.page.goto(`${baseUrl}/tasks/${scenario.taskWithComments}`);
  await shoot(lawyer.page, 'task', () => lawyer.page.getByTestId('latest-review-comment').waitFor());

  const partner = await signIn(browser, baseUrl, 'partner');
  await partner.page.goto(`${baseUrl}/reviews`);
  await shoot(partner.page, 'review-queue', () => partner.page.locator('tbody tr.gz-clickable-row').nth(1).waitFor());
  await partner.page.goto(`${baseUrl}/deliverables/${scenario.deliverableInReview}`);
  await shoot(partner.page, 'deliverable', () => partner.page.getByTestId('review-form').waitFor());

  const client = await signIn(browser, baseUrl, 'client');
  await client.page.goto(`${baseUrl}/engagements/${scenario.engagementId}`);
  await shoot(client.page, 'client', () => client.page.getByText('已通过的成果').waitFor());

  // The same product in English, and on a tablet.
  const english = await signIn(browser, baseUrl, 'pm');
  await english.page.goto(`${baseUrl}/engagements/${scenario.engagementId}`);
  await english.page.getByTestId('task-timeline').waitFor({ timeout: 30_000 });
  await english.page.getByTestId('language-switch').getByText('EN').click();
  await shoot(english.page, 'engagement-en', () => english.page.getByText('Stage pipeline').waitFor());
  // The switch is remembered on the account too: put the demo PM back to Chinese.
  await english.page.getByTestId('language-switch').getByText('中').click();
  await english.page.getByText('阶段流程').waitFor();
  const tablet = await signIn(browser, baseUrl, 'lawyer', { viewport: { width: 768, height: 1024 } });
  await tablet.page.goto(`${baseUrl}/tasks/${scenario.taskWithComments}`);
  await shoot(tablet.page, 'task-tablet', () => tablet.page.getByTestId('latest-review-comment').waitFor());
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, full: { type: 'boolean' } } });
  let baseUrl = values.url?.replace(/\/$/, '');
  if (values.out) outDir = values.out;
  isFullPage = values.full === true;
  const onlyKnowledge = values.only === 'knowledge';
  const cleanups: (() => Promise<void>)[] = [];
  try {
    if (!baseUrl) {
      const stack = await startStack();
      cleanups.push(stack.stop);
      const dashboard = await serveDashboard(stack.apiUrl);
      cleanups.unshift(dashboard.close);
      baseUrl = dashboard.url;
    }
    const scenario = onlyKnowledge ? null : await seedScenario(baseUrl);
    const { lawVersion } = await seedKnowledge(baseUrl);
    const browser = await launchChromium();
    try {
      if (scenario) await capture(browser, baseUrl, scenario);
      await mkdir(outDir, { recursive: true });
      await captureKnowledge(browser, baseUrl, DEMO_ENGAGEMENT_ID, lawVersion);
    } finally {
      await browser.close();
    }
    log(`written to ${outDir}`);
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
