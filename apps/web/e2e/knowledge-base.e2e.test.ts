// The governance knowledge base through the dashboard, in real Chromium against the real stack: a
// lawyer searches it in Chinese and reads a law; the PM revises the law, is refused a stale save
// (an administrator saved meanwhile) with the API's own words, saves on the newest version and
// sees what changed; the engagement's copy now lags behind, the PM's notification leads to it, the
// PM compares it with the master and takes the new version; the client reads the copy but cannot act.
import type { ApiClient } from '@gongzhi/contracts';
import type { Browser } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, rendersChineseGlyphs, type Session, signIn } from './support/browser';
import { waitForText } from './support/pages';

const baseUrl = inject('webUrl');
const run = Date.now().toString(36).slice(-5);
const engagementName = `安定门街道创新社区治理法律服务项目-${run}`;
const LAW_KEY = 'bj-property-management-regulations';
const LAW_TITLE = '北京市物业管理条例';
const lawPath = `/knowledge/law/${LAW_KEY}`;
const addition = `（${run} 核对2024年修正文本）`;

/** Waits until the engagement's workflow has taken its copy of the knowledge base. */
async function waitForCopy(api: ApiClient, engagementId: string, state: 'current' | 'behind') {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const copy = await api.listEngagementKnowledge({ params: { id: engagementId } });
    const row = copy.items.find((item) => item.kind === 'law' && item.key === LAW_KEY);
    if (row?.state === state) return row;
    await sleep(250);
  }
  throw new Error(`the engagement's copy of ${LAW_KEY} never became ${state}`);
}

describe('the knowledge base, from the firm’s master to an engagement’s copy', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let pmApi: ApiClient;
  let adminApi: ApiClient;
  let engagementId = '';
  let pm: Session;
  let versionBefore = 0;
  let savedVersion = 0;

  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const session = await signIn(browser, baseUrl, username, viewport ? { viewport } : {});
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    pmApi = await signInApi(baseUrl, 'pm');
    adminApi = await signInApi(baseUrl, 'admin');
    const users = async (role: 'partner' | 'lawyer' | 'client') =>
      (await pmApi.listUsers({ query: { role, pageSize: 100 } })).items;
    const partner = (await users('partner')).find((user) => user.username === 'partner');
    const lawyer = (await users('lawyer')).find((user) => user.username === 'lawyer');
    const client = (await users('client')).find((user) => user.username === 'client');
    const me = await pmApi.getMe();
    if (!partner || !lawyer || !client) throw new Error('the demo users are missing');
    const engagement = await pmApi.createEngagement({
      body: {
        name: engagementName,
        clientName: `东城区安定门街道办事处-${run}`,
        clientKind: 'street',
        communities: [{ name: '分司厅社区' }, { name: '国子监社区' }],
        team: { pm: me.user.id, partner: partner.id, lawyers: [lawyer.id], client: client.id },
        startDate: new Date().toISOString().slice(0, 10),
        templateKey: 'community-governance',
      },
    });
    engagementId = engagement.id;
    await waitForCopy(pmApi, engagementId, 'current');
    versionBefore = (await pmApi.getKnowledgeEntry({ params: { kind: 'law', key: LAW_KEY } })).version;
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const directory = new URL('./artifacts/', import.meta.url);
    await mkdir(directory, { recursive: true });
    for (const [index, session] of sessions.entries()) {
      for (const page of session.context.pages()) {
        await page
          .screenshot({ path: new URL(`knowledge-failure-${index}.png`, directory).pathname, fullPage: true })
          .catch(() => undefined);
      }
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('a lawyer searches the knowledge base in Chinese, narrows it to 待核实, and reads a law by article', async () => {
    const { page } = await open('lawyer');
    await page.goto(`${baseUrl}/knowledge`);
    expect(await rendersChineseGlyphs(page)).toBe(true);
    await page.getByRole('tab', { name: '违法行为清单' }).click();
    await page.waitForURL(/kind=violation/);
    await page.locator('tr.gz-row-unverified').first().waitFor();
    const shownWithout = () =>
      page.locator('tbody tr.gz-clickable-row').filter({ hasNot: page.locator('[data-unverified="true"]') });
    expect(await shownWithout().count()).toBeGreaterThan(0);
    await page.getByTestId('unverified-only').click();
    await page.waitForURL(/unverified=true/);
    // Only entries marked 待核实 remain (once the filtered page replaces the one shown meanwhile).
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr.gz-clickable-row')];
      return rows.length > 0 && rows.every((row) => row.querySelector('[data-unverified="true"]'));
    });
    expect(await shownWithout().count()).toBe(0);

    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByTestId('unverified-only').click();
    await page.getByRole('textbox', { name: '搜索知识库' }).fill('物业管理');
    const hit = page.getByRole('link', { name: LAW_TITLE, exact: true });
    await hit.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`q=${encodeURIComponent('物业管理')}`);
    // A lawyer reads; only administrators and PMs edit.
    expect(await page.getByTestId('new-knowledge-entry').count()).toBe(0);
    await hit.click();
    await page.getByRole('heading', { name: LAW_TITLE }).waitFor();
    const article78 = page.getByTestId('law-excerpts').locator('[data-article="78"]').first();
    expect(await article78.textContent()).toContain('第七十八条第二款');
    await waitForText(page, '摘要为律师事务所的归纳，并非法条原文');
    expect(await page.getByTestId('edit-entry').count()).toBe(0);
  });

  it('the PM revises the law; a stale save is refused in Chinese; saved on the newest version, it shows what changed', async () => {
    pm = await open('pm');
    const { page } = pm;
    await page.goto(`${baseUrl}${lawPath}`);
    await page.getByTestId('edit-entry').click();
    await page.waitForURL(/\/edit$/);
    const summary = page.locator('[data-field="excerpts.0.summary"] textarea');
    await summary.waitFor();
    await summary.fill(`${await summary.inputValue()}${addition}`);
    await page.locator('#knowledge-reason').fill('核对2024年修正文本，补充第三条摘要');

    // Meanwhile an administrator saves another version of the same law.
    const current = await adminApi.getKnowledgeEntry({ params: { kind: 'law', key: LAW_KEY } });
    await adminApi.reviseKnowledgeEntry({
      params: { kind: 'law', key: LAW_KEY },
      body: {
        content: { ...current.content, notes: `${(current.content as { notes?: string }).notes ?? ''}（${run}）` },
        reason: '补充备注',
        expectedVersion: current.version,
      },
    });

    await page.getByTestId('knowledge-save').click();
    const conflict = page.getByTestId('knowledge-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.textContent()).toContain(`该条目已被他人修改（当前为第 ${versionBefore + 1} 版）`);
    // The refusal was expected: it is not one of the run's problems.
    const refused = pm.problems.findIndex(
      (problem) => problem.startsWith('HTTP 409 PUT') && problem.includes(`/api/knowledge/law/${LAW_KEY}`),
    );
    expect(refused).toBeGreaterThanOrEqual(0);
    pm.problems.splice(refused, 1);

    await page.getByTestId('load-latest').click();
    await page.getByText(`基于第 ${versionBefore + 1} 版修改`).waitFor();
    await summary.fill(`${await summary.inputValue()}${addition}`);
    await page.locator('#knowledge-reason').fill('核对2024年修正文本，补充第三条摘要');
    await page.getByTestId('knowledge-save').click();

    savedVersion = versionBefore + 2;
    await page.waitForURL(new RegExp(`tab=history&version=${savedVersion}`), { timeout: 30_000 });
    await page
      .getByTestId('compare-title')
      .filter({ hasText: `第 ${savedVersion} 版与第 ${savedVersion - 1} 版对比` })
      .waitFor();
    const change = page.locator('.gz-kb-change[data-path="excerpts[0].summary"]');
    await change.waitFor();
    expect(await change.textContent()).toContain('条文摘要 › 第三条 › 摘要');
    expect(await change.locator('ins').textContent()).toBe(addition);
    const newest = page.getByTestId('version-item').first();
    expect(await newest.textContent()).toContain(`第 ${savedVersion} 版`);
    expect(await newest.textContent()).toContain('李婧');
    expect(await newest.textContent()).toContain('核对2024年修正文本，补充第三条摘要');
  });

  it('the PM’s notification leads to the engagement’s copy, now behind; the PM compares it and takes the new version', async () => {
    await waitForCopy(pmApi, engagementId, 'behind');
    const { page } = pm;
    // The workflow writes the notice a moment after the revision; the bell counts it.
    await page.goto(`${baseUrl}/notifications`);
    const notice = page
      .locator('li.gz-notification-line')
      .filter({ hasText: `知识库条目有新版本：${LAW_TITLE}` })
      .filter({ hasText: engagementName });
    for (let attempt = 0; attempt < 30 && (await notice.count()) === 0; attempt += 1) {
      await sleep(2_000);
      await page.reload();
      await page.locator('li.gz-notification-line').first().waitFor({ timeout: 30_000 });
    }
    expect(await notice.first().textContent()).toContain('本项目仍使用原副本');
    await notice
      .first()
      .getByRole('button', { name: /查\s*看/ })
      .click();
    await page.waitForURL(new RegExp(`/engagements/${engagementId}\\?tab=knowledge&state=behind`));

    const row = page.locator(`tr[data-entry="law:${LAW_KEY}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-state')).toBe('behind');
    expect(await row.getByTestId('copy-state').textContent()).toBe('母版有新版本');
    expect(
      Number(await page.getByTestId('copy-count-behind').locator('.gz-kb-tile-count').textContent()),
    ).toBeGreaterThanOrEqual(1);

    await row.getByTestId('compare-copy').click();
    const drawer = page.getByRole('dialog').filter({ has: page.getByTestId('copy-changes') });
    await drawer.waitFor();
    expect(await drawer.getByTestId('copy-changes').textContent()).toContain(addition);
    expect(await drawer.getByTestId('copy-master').textContent()).toContain(addition);
    expect(await drawer.getByTestId('copy-ours').textContent()).not.toContain(addition);

    await drawer.getByTestId('take-copy-drawer').click();
    await waitForText(page, '已采用 1 个条目的新版本', 60_000);
    await drawer.getByTestId('copy-state').filter({ hasText: '已是最新' }).waitFor({ timeout: 30_000 });
    expect(await drawer.getByTestId('take-copy-drawer').count()).toBe(0);
    const taken = await waitForCopy(pmApi, engagementId, 'current');
    expect(taken.baseVersion).toBe(savedVersion);
  });

  it('the client reads the engagement’s copy side by side, and has nothing to act with', async () => {
    const { page } = await open('client', { width: 390, height: 844 });
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=knowledge`);
    const row = page.locator(`tr[data-entry="law:${LAW_KEY}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-state')).toBe('current');
    expect(await page.getByTestId('take-copy').count()).toBe(0);
    expect(await page.getByTestId('take-all').count()).toBe(0);
    await row.getByTestId('compare-copy').click();
    await page.getByTestId('copy-master').waitFor();
    expect(await page.getByTestId('adapt-copy').count()).toBe(0);
    // A phone-wide page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});
