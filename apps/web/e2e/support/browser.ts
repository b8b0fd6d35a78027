import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, without the background chatter that slows a CI box. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const DEMO_PASSWORD = 'gongzhi-demo';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Page errors and failed requests seen so far: a flow that "works" while the console fills with errors does not. */
  problems: string[];
}

/** A signed-in browser session of one demo user, through the real login page. */
export async function signIn(browser: Browser, baseUrl: string, username: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  // This browser's language choice is Chinese (whatever the account last chose elsewhere), unless the test switches it.
  await context.addInitScript(() => {
    if (!localStorage.getItem('gongzhi.locale')) localStorage.setItem('gongzhi.locale', 'zh-CN');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  // A rejection with a plain object reads "Object": the stack's first frames say where it came from.
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message} (${page.url()}) ${(error.stack ?? '').split('\n').slice(0, 4).join(' | ')}`));
  page.on('response', (response) => {
    // 401 on /api/me before signing in is the normal "no session yet" answer.
    if (response.status() >= 500 || (response.status() >= 400 && !response.url().endsWith('/api/me'))) problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  return { context, page, problems };
}

/**
 * True when CJK text is drawn with real glyphs: two different characters rendered in the page's
 * own font must differ pixel for pixel (a missing font draws the same empty box for both).
 */
export async function rendersChineseGlyphs(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d');
      if (!context) return '';
      context.font = `32px ${font}`;
      context.fillText(text, 4, 38);
      return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
    };
    const a = draw('项');
    const b = draw('目');
    return a !== '' && a !== b && /[^0,]/.test(a);
  });
}
