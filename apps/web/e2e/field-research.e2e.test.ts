// Field research (实地调研) through the dashboard, in real Chromium against the real stack: a PM
// builds a residents' questionnaire from the question bank and issues two answer links for a
// community; a resident opens one on a phone without signing in and answers it; the same link then
// says it was used; a lawyer types in a paper form for another community, records the symposium
// there and tags its problems with catalogue violations, and fills in a community's profile (社区概况,
// what its self-governance handbook is generated from); the results show both
// responses as bars, overall and per community; the client reads them on a phone; the PM revises
// the questionnaire, then stops collecting, and the unused link says the questionnaire has closed. Screenshots of each screen, at
// desk and phone width, land in e2e/artifacts/ for a person to look at.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './support/api';
import { launchChromium, rendersChineseGlyphs, type Session, signIn } from './support/browser';
import { choose, hasNoSidewaysScroll, waitForText } from './support/pages';

const baseUrl = inject('webUrl');
const run = Date.now().toString(36).slice(-5);
const CLIENT_NAME = '东城区安定门街道办事处';
const engagementName = `安定门街道创新社区治理法律服务项目（调研）-${run}`;
const TITLE = '东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会）';
const PHONE = { width: 390, height: 844 };
const artifacts = new URL('./artifacts/', import.meta.url);

/** A screenshot for a person to look at: e2e/artifacts/field-research-<name>.png. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(artifacts, { recursive: true });
  // From the top (sticky headers stay where they belong), once fonts and antd's transitions settle.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`field-research-${name}.png`, artifacts).pathname, fullPage });
}


describe('field research, from the question bank to the results', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  /** Respondents: no account, their own context. */
  const respondents: { context: BrowserContext; page: Page; problems: string[] }[] = [];
  let engagementId = '';
  let questionnaireUrl = '';
  let links: string[] = [];
  let pm: Session;
  /** The lawyer at the desk: records the symposium, then the profile (each user holds at most five live streams). */
  let lawyer: Session;

  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const session = await signIn(browser, baseUrl, username, viewport ? { viewport } : {});
    sessions.push(session);
    return session;
  };

  /** A phone that has never signed in, as a resident's would be. */
  const openPhone = async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    const respondent = { context, page, problems };
    respondents.push(respondent);
    return respondent;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    const pmApi = await signInApi(baseUrl, 'pm');
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
        clientName: CLIENT_NAME,
        clientKind: 'street',
        communities: [
          { key: 'fensiting', name: '分司厅社区' },
          { key: 'guozijian', name: '国子监社区' },
        ],
        team: { pm: me.user.id, partner: partner.id, lawyers: [lawyer.id], client: client.id },
        startDate: new Date().toISOString().slice(0, 10),
        templateKey: 'community-governance',
      },
    });
    engagementId = engagement.id;
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await mkdir(artifacts, { recursive: true });
    const pages = [
      ...sessions.flatMap((session) => session.context.pages()),
      ...respondents.map((respondent) => respondent.page),
    ];
    for (const [index, page] of pages.entries()) {
      await page
        .screenshot({ path: new URL(`field-research-failure-${index}.png`, artifacts).pathname, fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    const problems = [
      ...sessions.flatMap((session) => session.problems),
      ...respondents.flatMap((respondent) => respondent.problems),
    ];
    await browser?.close();
    // Expected refusals are taken off where they happen; anything else is a defect.
    expect(problems).toEqual([]);
  });

  it('a PM builds a residents’ questionnaire from the bank: drafted title and intro, one question removed', async () => {
    pm = await open('pm');
    const { page } = pm;
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=research`);
    expect(await rendersChineseGlyphs(page)).toBe(true);
    await page.getByTestId('engagement-research').waitFor();
    await waitForText(page, '尚未建立调研问卷');
    await page.getByTestId('new-questionnaire').click();
    await page.waitForURL(/\/questionnaires\/new$/);

    await page.getByTestId('audience-residents').click();
    const title = page.getByTestId('questionnaire-title');
    expect(await title.inputValue()).toBe(TITLE);
    const intro = await page.getByTestId('questionnaire-intro').inputValue();
    expect(intro).toContain('东城区安定门街道办事处委托北京市易和律师事务所项目组');
    expect(intro).toContain('匿名');
    const questions = page.getByTestId('editor-question');
    const bankCount = await questions.count();
    expect(bankCount).toBeGreaterThan(8);
    // 房屋类型 is not what this street wants to know.
    await page
      .locator('[data-testid="editor-question"][data-question="housing-type"]')
      .getByTestId('remove-question')
      .click();
    expect(await questions.count()).toBe(bankCount - 1);
    // 12345 hotline topics belong to the officials' bank; this street asks residents too.
    await page.getByTestId('open-bank').click();
    const bank = page.getByTestId('bank-picker');
    await bank.getByText('全部题库').click();
    await bank.locator('[data-bank-key="hotline-topics"]').getByRole('checkbox').check();
    await bank.getByTestId('bank-add').click();
    await page.locator('[data-testid="editor-question"][data-question="hotline-topics"]').waitFor();
    await shoot(page, 'editor-desktop');

    await page.getByTestId('questionnaire-save').click();
    await page.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    questionnaireUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByTestId('questionnaire-status').textContent()).toBe('收集中');
    await waitForText(page, '第 1 版');
    await waitForText(page, '尚无答卷');
  });

  it('the PM issues two links for 分司厅社区, is told they show once, copies and downloads them', async () => {
    const { page, context } = pm;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.getByTestId('issue-links').click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('issue-links-form') });
    await dialog.getByLabel('链接数量').fill('2');
    await choose(page, '所属社区', '分司厅社区');
    await dialog.getByTestId('generate-links').click();

    const issued = page.getByTestId('issued-links');
    await issued.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('links-once-warning').textContent()).toContain('链接只显示这一次');
    links = (await issued.getByTestId('issued-link').allTextContents()).map((text) => text.trim());
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`^${baseUrl}/q/[A-Za-z0-9_-]{20,100}$`));
    await shoot(page, 'links-desktop', false);

    await page.getByTestId('copy-links').click();
    await waitForText(page, '已复制 2 个链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.join('\n'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-links').click()]);
    expect(download.suggestedFilename()).toMatch(
      /^东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会）-填写链接-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toBe(`\uFEFF序号,社区,链接\r\n1,分司厅社区,${links[0]}\r\n2,分司厅社区,${links[1]}\r\n`);
    await page.getByTestId('links-done').click();
    await issued.waitFor({ state: 'detached' });
    await page.getByTestId('kpi-links').filter({ hasText: '0/2' }).waitFor({ timeout: 30_000 });
  });

  it('a resident answers on a phone without signing in; the check stops a gap; thanks; the link is then used', async () => {
    const { page, problems } = await openPhone();
    await page.goto(links[0] as string);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('public-community').textContent()).toContain('分司厅社区');
    expect(await page.getByTestId('public-asked-by').textContent()).toContain('东城区安定门街道办事处');
    // No dashboard around it: no menu, no sign-in.
    expect(await page.locator('.gz-nav').count()).toBe(0);
    expect(page.url()).not.toContain('/login');
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'public-phone-first-screen', false);
    await shoot(page, 'public-phone');

    const question = (key: string) => page.locator(`[data-question="${key}"]`);
    await question('years-lived').getByText('10年以上').click();
    await question('main-problems').getByText('飞线充电').click();
    await question('main-problems').getByText('小区停车难、乱停车').click();
    await question('main-problems').getByText('楼道内电动自行车停放充电').click();
    // A fourth choice is out of reach: the question takes three.
    expect(await question('main-problems').getByRole('checkbox', { name: '群租房' }).isDisabled()).toBe(true);
    await page.getByTestId('public-submit').click();
    await page.getByTestId('public-errors').waitFor();
    expect(await question('convention-known').getByTestId('question-error').textContent()).toBe('第3题：此题必答');
    await shoot(page, 'public-phone-errors', false);

    // Every other required question, the obvious way.
    for (const key of ['convention-known', 'owners-committee', 'public-income-disclosed']) {
      await question(key).locator('.gz-choice').first().click();
    }
    await page.getByTestId('scale-property-satisfaction-2').click();
    await page.getByTestId('scale-law-awareness-3').click();
    await question('suggestions').locator('textarea').fill('希望规范楼道电动自行车充电，增设集中充电桩。');
    expect(await page.getByTestId('question-error').count()).toBe(0);
    await page.getByTestId('public-submit').click();
    const thanks = page.getByTestId('public-state');
    await thanks.waitFor({ timeout: 60_000 });
    expect(await thanks.getAttribute('data-state')).toBe('thanks');
    await shoot(page, 'public-phone-thanks', false);

    await page.goto(links[0] as string);
    const used = page.getByTestId('public-state');
    await used.waitFor({ timeout: 30_000 });
    expect(await used.getAttribute('data-state')).toBe('used');
    expect(await used.textContent()).toContain('已填写过，感谢参与');
    await shoot(page, 'public-phone-used', false);
    // The refusal was expected (the route's prefetch and the page may each meet it): not one of the run's problems.
    expectRefused(problems, links[0] as string);
  });

  it('a lawyer types in a paper form for 国子监社区 and stays ready for the next', async () => {
    const { page } = await open('lawyer');
    await page.goto(`${baseUrl}${questionnaireUrl}`);
    await page.getByTestId('enter-response').click();
    await page.waitForURL(/\/enter$/);
    await page.getByTestId('response-entry').waitFor();
    // The label carries a required mark before its text: open the select by its id.
    await page.locator('#entry-community').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '国子监社区' })
      .click();
    expect(await page.getByTestId('entry-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const question = (key: string) => page.locator(`[data-question="${key}"]`);
    await question('years-lived').getByText('3—10年').click();
    await question('main-problems').getByText('飞线充电').click();
    await question('main-problems').getByText('群租房').click();
    for (const key of ['convention-known', 'owners-committee', 'public-income-disclosed']) {
      await question(key).locator('.gz-choice').nth(1).click();
    }
    await page.getByTestId('scale-property-satisfaction-4').click();
    await page.getByTestId('scale-law-awareness-2').click();
    await question('hotline-topics').getByText('停车管理').click();
    await shoot(page, 'entry-desktop');
    await page.getByTestId('save-response').click();
    const entered = page.getByTestId('entered-count');
    await entered.waitFor({ timeout: 60_000 });
    expect(await entered.textContent()).toContain('本次已录入 1 份答卷');
    // Ready for the next paper form: answers cleared, community and day kept.
    expect(await page.getByTestId('scale-property-satisfaction-4').getAttribute('aria-checked')).toBe('false');
    expect(
      await page
        .locator('#entry-community')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).toContain('国子监社区');
  });

  it('a lawyer records the 国子监社区 symposium, tags one problem in the dialog and the other from the list', async () => {
    lawyer = await open('lawyer');
    const { page } = lawyer;
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=research`);
    await page.getByTestId('research-sessions').waitFor({ timeout: 30_000 });
    await page.getByTestId('record-session').click();
    const form = page.getByTestId('session-form');
    await form.waitFor();
    await form.getByText('座谈会', { exact: true }).click();
    await page.getByTestId('session-community').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '国子监社区' }).click();
    // The community's dropdown closes with an animation: the next dropdown's options are picked by text, not position.
    await page.getByTestId('session-community').getByText('国子监社区').waitFor();
    await page.getByTestId('session-place').fill('国子监社区党群服务中心会议室');
    await page.getByTestId('session-participants').fill('社区党委书记、居委会委员3人、居民代表5人');
    await page.getByTestId('session-notes').fill('居民集中反映楼道堆物和胡同内私设地锁问题。');
    await page.getByTestId('problem-description').first().fill('5号院楼道堆放旧家具');
    await page.getByTestId('problem-violation').first().click();
    await page.keyboard.type('楼道');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '楼道等共用部位堆放杂物' }).first().click();
    await page.getByTestId('add-problem').click();
    await page.getByTestId('problem-description').nth(1).fill('胡同内私设地锁占用车位');
    await shoot(page, 'session-dialog-desktop', false);
    await page.getByTestId('save-session').click();
    const recorded = page.getByTestId('research-session').filter({ hasText: '国子监社区' });
    await recorded.waitFor({ timeout: 60_000 });
    expect(await recorded.textContent()).toContain('楼道等共用部位堆放杂物');

    // The untagged one waits in the list; tagging it there moves it into the tally.
    const problems = page.getByTestId('community-problems');
    expect(await problems.getByTestId('problems-summary').textContent()).toContain('共 2 个问题：已标注 1 个，待标注 1 个');
    await problems.getByTestId('tag-problem').click();
    await page.keyboard.type('地锁');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '私设地锁' }).first().click();
    await problems.getByTestId('problems-summary').filter({ hasText: '已标注 2 个，待标注 0 个' }).waitFor({ timeout: 30_000 });
    expect(await problems.getByTestId('problems-by-violation').textContent()).toContain('私设地锁');
    await shoot(page, 'sessions-desktop');
  });

  it('a lawyer fills in 分司厅社区’s profile (社区概况), the handbook’s source: saved as version 1, read in place', async () => {
    const { page } = lawyer;
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=research`);
    const section = page.getByTestId('community-profiles');
    await section.waitFor({ timeout: 30_000 });
    const row = section.locator('[data-testid="community-profile"][data-community="fensiting"]');
    expect(await row.getByTestId('profile-state').textContent()).toBe('未填写');
    expect(await section.locator('[data-testid="community-profile"][data-community="guozijian"]').getByTestId('profile-state').textContent()).toBe('未填写');
    await row.getByTestId('edit-profile').click();
    const form = page.getByTestId('profile-form');
    await form.waitFor();
    await page.getByTestId('profile-party').fill('中共分司厅社区委员会');
    await page.getByTestId('profile-households').fill('2860');
    await page.getByTestId('profile-residents').fill('6920');
    await page.getByTestId('add-member').click();
    const member = form.getByTestId('committee-member').first();
    await member.getByTestId('member-name').fill('王秀兰');
    await member.getByRole('combobox').fill('党委书记、主任');
    await page.getByTestId('add-compound').click();
    const compound = form.getByTestId('compound').first();
    await compound.getByTestId('compound-name').fill('分司厅胡同12号院');
    await compound.getByRole('combobox').first().fill('平房院落');
    await compound.getByTestId('compound-households').fill('186');
    await page.getByTestId('mediation-venue').fill('分司厅社区党群服务中心一层调解室');
    // Out of any dropdown a combobox left open, so the shot shows the form.
    await page.getByText('基本情况').click();
    await shoot(page, 'profile-drawer-desktop', false);
    await page.getByTestId('save-profile').click();
    await waitForText(page, '已保存', 60_000);
    await row.getByTestId('profile-state').filter({ hasText: '已填写（第 1 版）' }).waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('profile-figures').textContent()).toBe('2860 户 · 6920 人 · 小区（院落）1 个 · 居委会成员 1 人');
    await row.getByTestId('view-profile').click();
    const view = row.getByTestId('profile-view');
    expect(await view.textContent()).toContain('分司厅胡同12号院 · 平房院落 · 186 户 · 业主组织：未成立');
    expect(await view.textContent()).toContain('王秀兰（党委书记、主任）');
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'profiles-desktop', false);

    // At phone width: the drawer takes the screen, its rows wrap, nothing runs off the side.
    await page.setViewportSize(PHONE);
    try {
      await page.reload();
      const phoneRow = page.locator('[data-testid="community-profile"][data-community="fensiting"]');
      await phoneRow.getByTestId('view-profile').click();
      await phoneRow.scrollIntoViewIfNeeded();
      expect(await hasNoSidewaysScroll(page)).toBe(true);
      await shoot(page, 'profiles-phone', false);
      await phoneRow.getByTestId('edit-profile').click();
      await form.waitFor();
      expect(await page.getByTestId('profile-party').inputValue()).toBe('中共分司厅社区委员会');
      expect(await hasNoSidewaysScroll(page)).toBe(true);
      await shoot(page, 'profile-drawer-phone', false);
      await form.getByTestId('compound').first().scrollIntoViewIfNeeded();
      await shoot(page, 'profile-drawer-phone-compounds', false);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('the results show both responses as bars, overall and per community', async () => {
    const { page } = pm;
    await page.goto(`${baseUrl}${questionnaireUrl}`);
    await page
      .getByTestId('kpi-responses')
      .filter({ hasText: /^答卷数2$/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kpi-links').textContent()).toContain('1/2');
    const years = page.locator('[data-testid="question-result"][data-question="years-lived"]');
    expect(await years.getByTestId('answered').textContent()).toBe('2 人作答');
    expect(await years.locator('[data-option="10年以上"]').textContent()).toContain('1 · 50%');
    const problems = page.locator('[data-testid="question-result"][data-question="main-problems"]');
    expect(await problems.locator('[data-option="飞线充电"]').textContent()).toContain('2 · 100%');
    expect(await problems.locator('[data-option="飞线充电"]').getAttribute('class')).toContain('is-top');
    const satisfaction = page.locator('[data-testid="question-result"][data-question="property-satisfaction"]');
    expect(await satisfaction.getByTestId('scale-mean').textContent()).toContain('3');
    const byCommunity = satisfaction.getByTestId('by-community');
    expect(await byCommunity.textContent()).toContain('分司厅社区');
    expect(await byCommunity.textContent()).toContain('2 分 · 1 人');
    expect(await byCommunity.textContent()).toContain('4 分 · 1 人');
    const communities = page.getByTestId('community-bars');
    expect(await communities.locator('[data-option="分司厅社区"]').textContent()).toContain('1 · 50%');
    expect(await communities.locator('[data-option="国子监社区"]').textContent()).toContain('1 · 50%');
    expect(await page.locator('[data-question="suggestions"]').getByTestId('text-answers').textContent()).toContain(
      '增设集中充电桩',
    );
    await shoot(page, 'results-desktop');
    // The results leave as a workbook (drafted on a worker): a real .xlsx, named after the questionnaire.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-results').click()]);
    expect(download.suggestedFilename()).toMatch(/社区治理情况调查问卷.*\.xlsx$/);
    const workbook = await readFile((await download.path())!);
    expect(workbook.subarray(0, 2).toString()).toBe('PK');

    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=research`);
    const row = page.locator('tr[data-questionnaire]').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.getByTestId('questionnaire-responses').textContent()).toBe('2');
    expect(await row.getByTestId('questionnaire-links').textContent()).toBe('1/2');
    await shoot(page, 'list-desktop', false);
  });

  it('the client reads the results on a phone, and has nothing to act with', async () => {
    const { page } = await open('client', PHONE);
    await page.goto(`${baseUrl}/engagements/${engagementId}?tab=research`);
    const link = page.getByTestId('open-questionnaire').filter({ hasText: TITLE });
    await link.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('new-questionnaire').count()).toBe(0);
    // The firm's symposium notes are not the client's to read.
    expect(await page.getByTestId('research-sessions').count()).toBe(0);
    expect(await page.getByTestId('community-profiles').count()).toBe(0);
    await shoot(page, 'list-phone');
    await link.click();
    await page.getByTestId('questionnaire-results').waitFor({ timeout: 30_000 });
    for (const action of ['issue-links', 'enter-response', 'revise-questionnaire', 'close-questionnaire'])
      expect(await page.getByTestId(action).count()).toBe(0);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'results-phone');
  });

  it('the PM revises it: the reason is asked for, version 2 is saved, the responses stay', async () => {
    const { page } = pm;
    await page.goto(`${baseUrl}${questionnaireUrl}`);
    await page.getByTestId('revise-questionnaire').click();
    await page.waitForURL(/\/edit$/);
    await page.getByText('基于第 1 版修订').waitFor();
    await page.locator('[data-testid="editor-question"][data-question="hotline-topics"]').getByTestId('remove-question').click();
    await page.getByTestId('questionnaire-save').click();
    await page.getByText('请填写修订原因').waitFor();
    await page.getByTestId('questionnaire-reason').fill('12345热线诉求改由街道工作人员问卷了解');
    await page.getByTestId('questionnaire-save').click();
    await page.waitForURL((url) => url.pathname === questionnaireUrl, { timeout: 60_000 });
    await waitForText(page, '第 2 版');
    await page.getByTestId('kpi-responses').filter({ hasText: /^答卷数2$/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="question-result"][data-question="hotline-topics"]').count()).toBe(0);
    expect(await page.locator('[data-testid="question-result"][data-question="years-lived"]').getByTestId('answered').textContent()).toBe('2 人作答');
  });

  it('the PM stops collecting; the unused link then says the questionnaire has closed', async () => {
    const { page } = pm;
    await page.goto(`${baseUrl}${questionnaireUrl}`);
    await page.getByTestId('close-questionnaire').click();
    await page.getByTestId('confirm-close').click();
    await page.getByTestId('closed-banner').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('questionnaire-status').textContent()).toBe('已结束');
    expect(await page.getByTestId('issue-links').count()).toBe(0);

    const { page: phone, problems } = await openPhone();
    await phone.goto(links[1] as string);
    const closed = phone.getByTestId('public-state');
    await closed.waitFor({ timeout: 30_000 });
    expect(await closed.getAttribute('data-state')).toBe('closed');
    expect(await closed.textContent()).toContain('问卷已结束');
    await shoot(phone, 'public-phone-closed', false);
    expectRefused(problems, links[1] as string);
  });
});

/** The 409s a link's page met on purpose (link used, questionnaire closed): at least one, all taken off the run's problems. */
function expectRefused(problems: string[], link: string): void {
  const token = link.split('/q/')[1] as string;
  const expected = (problem: string) => problem.startsWith('HTTP 409 GET') && problem.endsWith(`/api/public/questionnaires/${token}`);
  expect(problems.some(expected)).toBe(true);
  const others = problems.filter((problem) => !expected(problem));
  problems.splice(0, problems.length, ...others);
}
