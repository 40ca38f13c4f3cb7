/**
 * The one start-up for end-to-end tests: the app in browser mode against the fake Bedrock
 * (startApp), Debian's Chromium, and a page opened at a screen and waiting for its heading.
 *
 *   let opened: OpenedApp;
 *   beforeAll(async () => ({ app, browser, page } = opened = await openApp({ path: '#/token-lab',
 *     heading: 'Token lab' })));
 *   afterAll(() => opened?.close());
 *
 * `tab` opens a tab of a tabbed screen by its accessible name; `openTab(page, name)` does the same
 * later; `newPage({ colorScheme: 'dark' })` opens another window on the same app.
 */
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app';
import { launchChromium } from './chromium';

export interface OpenAppOptions {
  /** The address after the server's root, e.g. '#/token-lab'; the Home screen by default. */
  path?: string;
  /** The level-1 heading to wait for; 'Welcome to Stratum' (Home) by default; null waits for none. */
  heading?: string | null;
  /** A tab to open once the screen is there, by its accessible name (role `tab`). */
  tab?: string | RegExp;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Passed to startApp: AWS config and credentials text, a settings file to start from. */
  start?: Parameters<typeof startApp>[0];
}

export interface OpenedApp {
  app: RunningApp;
  browser: Browser;
  page: Page;
  /** Opens another page in its own context (another colour scheme or size), at a path. */
  newPage(options?: Omit<OpenAppOptions, 'start'>): Promise<Page>;
  close(): Promise<void>;
}

const DEFAULT_VIEWPORT = { width: 1400, height: 1000 };

async function openPageAt(
  app: RunningApp,
  browser: Browser,
  options: Omit<OpenAppOptions, 'start'>,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${app.server.url}${options.path ?? ''}`);
  const heading = options.heading === undefined ? 'Welcome to Stratum' : options.heading;
  if (heading !== null) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  if (options.tab !== undefined) await openTab(page, options.tab);
  return page;
}

/** Opens a screen's tab by its accessible name (never by position) and waits until it is selected. */
export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  const app = await startApp(options.start);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await openPageAt(app, browser, options);
    const b = browser;
    return {
      app,
      browser: b,
      page,
      newPage: (more = {}) => openPageAt(app, b, more),
      async close() {
        await b.close();
        await app.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.close();
    throw error;
  }
}
