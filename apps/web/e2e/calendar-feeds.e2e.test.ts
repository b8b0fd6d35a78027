// 订阅日历 in real Chromium against the real stack: the PM creates an address for their own
// calendar on the account page, is shown it once with its webcal:// twin, a calendar app (a plain
// HTTP client, no cookie) reads the PM's due dates from it and the page then says when it was
// read; an engagement's calendar is offered for the engagement the PM leads; revoked, the address
// answers 404. At phone width the card reads in one column.
import type { ApiClient } from '@gongzhi/contracts';
import type { Browser, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, type Session, signIn } from './support/browser';

const baseUrl = inject('webUrl');
const run = Date.now().toString(36).slice(-5);
const engagementName = `交道口街道创新社区治理法律服务项目-${run}`;
const artifacts = new URL('./artifacts/', import.meta.url);

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: new URL(`calendar-feeds-${name}.png`, artifacts).pathname, fullPage: true });
}

describe('calendar feeds (订阅日历) on the account page', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  let pmApi: ApiClient;
  let feedUrl = '';

  beforeAll(async () => {
    browser = await launchChromium();
    pmApi = await signInApi(baseUrl, 'pm');
    const users = async (role: 'partner' | 'lawyer' | 'client') => (await pmApi.listUsers({ query: { role, pageSize: 100 } })).items;
    const partner = (await users('partner')).find((user) => user.username === 'partner');
    const lawyer = (await users('lawyer')).find((user) => user.username === 'lawyer');
    const client = (await users('client')).find((user) => user.username === 'client');
    const me = await pmApi.getMe();
    if (!partner || !lawyer || !client) throw new Error('the demo users are missing');
    await pmApi.createEngagement({
      body: {
        name: engagementName,
        clientName: `东城区交道口街道办事处-${run}`,
        clientKind: 'street',
        communities: [{ name: '菊儿社区' }, { name: '福祥社区' }],
        team: { pm: me.user.id, partner: partner.id, lawyers: [lawyer.id], client: client.id },
        startDate: new Date().toISOString().slice(0, 10),
        templateKey: 'community-governance',
      },
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    for (const [index, session] of sessions.entries()) {
      for (const page of session.context.pages()) {
        await page.screenshot({ path: new URL(`calendar-feeds-failure-${index}.png`, artifacts).pathname, fullPage: true }).catch(() => undefined);
      }
    }
  });

  afterAll(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it('the PM creates an address for their own calendar, copies it once, and a calendar app reads their due dates from it', async () => {
    const session = await signIn(browser, baseUrl, 'pm');
    sessions.push(session);
    const { page } = session;
    await page.goto(`${baseUrl}/account`);
    const card = page.getByTestId('calendar-feeds');
    await card.waitFor();
    await card.getByTestId('new-calendar-feed').click();
    await page.getByTestId('calendar-feed-name').fill(`iPhone 日历 ${run}`);
    // The engagement the PM leads is offered as its own calendar; this one is the PM's own.
    await page.getByTestId('calendar-feed-scope').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: engagementName }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-calendar-feed').click();
    const shown = page.getByTestId('calendar-feed-url');
    await shown.waitFor({ timeout: 30_000 });
    feedUrl = (await shown.textContent())!.trim();
    expect(feedUrl).toMatch(new RegExp(`^${baseUrl}/api/public/calendar/gzc_[A-Za-z0-9_-]{43}$`));
    expect((await page.getByTestId('calendar-feed-webcal').textContent())!.trim()).toBe(feedUrl.replace(/^https?:/, 'webcal:'));
    await shoot(page, 'created-desktop');

    // A calendar app: no cookie, no header.
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('X-WR-CALNAME:共治 · 李婧的日程');
    // The PM's first own task of the new engagement is on it, unfolded.
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(`（${engagementName}）`);

    await page.getByTestId('calendar-feed-done').click();
    const row = card.getByTestId('calendar-feed').filter({ hasText: `iPhone 日历 ${run}` });
    await page.reload();
    await row.waitFor();
    expect(await row.textContent()).not.toContain('尚未被日历应用读取');
    await shoot(page, 'list-desktop');
    // Each tab holds up to two live-update streams and a person may hold five: the desk's tab
    // closes before the same PM opens the phone's.
    await session.context.close();
  });

  it('reads in one column on a phone, and a revoked address stops answering', async () => {
    const session = await signIn(browser, baseUrl, 'pm', { viewport: { width: 390, height: 844 } });
    sessions.push(session);
    const { page } = session;
    await page.goto(`${baseUrl}/account`);
    const row = page.getByTestId('calendar-feed').filter({ hasText: `iPhone 日历 ${run}` });
    await row.waitFor();
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await row.getByTestId('revoke-calendar-feed').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /停\s*用/ }).click();
    await page.getByTestId('calendar-feed').filter({ hasText: `iPhone 日历 ${run}` }).and(page.locator('[data-state="revoked"]')).waitFor({ timeout: 30_000 });
    await shoot(page, 'revoked-phone');
    expect((await fetch(feedUrl)).status).toBe(404);
  });
});
