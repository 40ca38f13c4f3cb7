/**
 * End-to-end: the real renderer in Chromium, talking to the real main-process handlers in browser
 * mode, which call the fake Bedrock through the real AWS SDK.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { FAKE_SECRET_ACCESS_KEY, startApp, type RunningApp } from '../support/app';
import { SCREENS as NAV_SCREENS } from '../../renderer/src/app/screens';

const SCREENS = 'test-results/screens';

const CONFIG = `
[profile learner-sso]
sso_session = school
sso_account_id = 111122223333
sso_role_name = Learner
region = us-west-2

[sso-session school]
sso_start_url = https://school.awsapps.com/start
sso_region = us-east-1
`;

/** Records the text of every fetch response the page receives, streams included. */
const RECORD_RESPONSES = `
  window.__received = [];
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await originalFetch(...args);
    const copy = response.clone();
    void (async () => {
      if (!copy.body) return;
      const reader = copy.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        window.__received.push(decoder.decode(value, { stream: true }));
      }
    })().catch(() => {});
    return response;
  };
`;

let app: RunningApp;
let browser: Browser;
let page: Page;

async function openPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 860 } });
  await context.addInitScript(RECORD_RESPONSES);
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (p as Page & { errors?: string[] }).errors = errors;
  await p.goto(app.server.url);
  return p;
}

const pageErrors = (p: Page) => (p as Page & { errors?: string[] }).errors ?? [];

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ config: CONFIG });
  browser = await launchChromium();
  page = await openPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

beforeEach(() => {
  app.fake.reset();
  app.fake.clearRequests();
});

describe('Home', () => {
  it('shows the exam outline and that AWS is not tested yet, offline', async () => {
    await page.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/Not tested yet/);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/65\s*\(50 scored\)/);
    expect(text).toMatch(/Applications of foundation models\s*28%/);
    expect(app.fake.requests).toHaveLength(0); // opening Home calls nothing on AWS
    await page.screenshot({ path: `${SCREENS}/home-light.png`, fullPage: true });
  });
});

describe('keyboard', () => {
  it('moves between screens with shortcuts and lands on the heading', async () => {
    await page.keyboard.press('Control+Comma');
    const settingsHeading = page.getByRole('heading', { level: 1, name: 'Settings' });
    await settingsHeading.waitFor();
    await expect
      .poll(() => settingsHeading.evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Control+7');
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Invocation log' }).waitFor();
    // The "?" overlay lists the log's key with the other screens'.
    await page.keyboard.press('?');
    const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await keys.innerText()).toMatch(/Ctrl\+L\s+Open Invocation log/);
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
  });

  it('offers a skip link first and reaches the navigation by Tab', async () => {
    await page.goto(`${app.server.url}#/`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Search/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Home/);
    // Past the other screens of the navigation to Settings, the last.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const passed: string[] = [];
    for (let i = 0; i < NAV_SCREENS.length + 2 && !/^Settings/.test(await focusedText()); i++) {
      await page.keyboard.press('Tab');
      passed.push((await focusedText()).replace(/Ctrl.*$/, ''));
    }
    // Every screen after Home, in navigation order, ending with Settings.
    expect(passed).toEqual(NAV_SCREENS.slice(1).map((screen) => screen.label));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });
});

describe('Settings and the connection test', () => {
  beforeEach(async () => {
    await page.goto(`${app.server.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('lists profiles from AWS_CONFIG_FILE, SSO included', async () => {
    const options = await page.getByLabel('Credentials').locator('option').allTextContents();
    expect(options[0]).toBe('Environment / default credential chain');
    expect(options.some((o) => o.startsWith('learner-sso') && o.includes('SSO'))).toBe(true);
    expect(options.some((o) => o.includes('school'))).toBe(false);
  });

  it('reports success with model, region and latency', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.textContent()).toMatch(/Connected/);
    expect(await result.textContent()).toMatch(
      /amazon\.nova-micro-v1:0 answered in us-east-1 in \d+ ms/,
    );
    const [call] = app.fake.requests.filter((r) => r.operation === 'converse');
    expect(call).toMatchObject({ region: 'us-east-1', modelId: 'amazon.nova-micro-v1:0' });
    expect(call?.body).toMatchObject({ inferenceConfig: { maxTokens: 1 } });
    await page.screenshot({ path: `${SCREENS}/settings-light.png`, fullPage: true });

    await page.keyboard.press('Control+1');
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/Connected/);
  });

  it('explains throttling after the SDK gives up retrying', async () => {
    app.fake.setBehavior({ kind: 'throttle' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect
      .poll(() => result.textContent(), { timeout: 20_000 })
      .toMatch(/Throttled by Bedrock/);
    expect(await result.textContent()).toMatch(/Wait a minute and try again/);
    expect(app.fake.requests.filter((r) => r.operation === 'converse')).toHaveLength(3);
  });

  it('explains access denied with the model-access remedy', async () => {
    app.fake.setBehavior({ kind: 'accessDenied' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.textContent()).toMatch(/Access denied/);
    expect(await result.textContent()).toMatch(/Model access/);
    await page.screenshot({ path: `${SCREENS}/settings-error-light.png`, fullPage: true });
  });

  it('suggests an inference profile when on-demand throughput is not supported', async () => {
    await page.getByLabel('Default text model').fill('anthropic.claude-sonnet-4-5-20250929-v1:0');
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.textContent()).toMatch(/Needs an inference profile/);
    expect(await result.textContent()).toMatch(/us\.anthropic\.claude-sonnet-4-5-20250929-v1:0/);
    await page.getByLabel('Default text model').fill('amazon.nova-micro-v1:0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('sends calls to the region the learner picks, and keeps it after a reload', async () => {
    await page.getByLabel('Region', { exact: true }).selectOption('eu-west-1');
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/eu-west-1/);
    expect(app.fake.requests.find((r) => r.operation === 'converse')?.region).toBe('eu-west-1');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Region', { exact: true }).inputValue())
      .toBe('eu-west-1');
    await page.getByLabel('Region', { exact: true }).selectOption('us-east-1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('refuses an invalid endpoint before saving', async () => {
    await page.getByLabel(/Custom endpoint/).fill('ftp://example.com');
    expect(
      await page.getByText('The endpoint must start with http:// or https://.').isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('allows cleartext http:// only for an endpoint on this computer', async () => {
    const endpoint = page.getByLabel(/Custom endpoint/);
    await endpoint.fill('http://bedrock.example.com');
    await page.getByText(/Use https:\/\/ for bedrock\.example\.com/).waitFor();
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await endpoint.fill('http://127.0.0.1:4010');
    expect(await endpoint.getAttribute('aria-invalid')).toBe('false');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);
    await endpoint.fill('https://bedrock.example.com');
    expect(await endpoint.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('cancels a test that never gets an answer, and keeps the last result', async () => {
    app.fake.setBehavior({ kind: 'hang' });
    await page.getByRole('button', { name: 'Test connection', exact: true }).click();
    await page.getByRole('button', { name: 'Testing…' }).waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText(/^Test cancelled/).waitFor();
    await page.getByRole('button', { name: 'Test connection', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
  });

  it('says when the settings were not saved, keeps what was typed, and saves once it can', async () => {
    const file = join(app.dataDir, 'user-data', 'settings.json');
    await rename(file, `${file}.aside`).catch(() => undefined);
    // A folder where the file should be: every write fails until it goes.
    await mkdir(join(file, 'blocker'), { recursive: true });
    try {
      await page.getByLabel('Region', { exact: true }).selectOption('eu-west-2');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const failed = page.getByRole('alert').filter({ hasText: 'Your settings were not saved:' });
      await failed.waitFor();
      expect(await page.getByText('Saved.', { exact: true }).count()).toBe(0);
      expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('eu-west-2');
      expect(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);
      await page.screenshot({ path: `${SCREENS}/settings-save-failed-light.png`, fullPage: true });
    } finally {
      await rm(file, { recursive: true, force: true });
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Region', { exact: true }).selectOption('us-east-1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
  });
});

describe('Models', () => {
  it('lists the catalog and checks availability in the region', async () => {
    await page.goto(`${app.server.url}#/models`);
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    const rows = page.locator('table.models tbody tr');
    const current = await rows.count();
    expect(current).toBeGreaterThan(15);
    await page.getByLabel('Show end-of-life models').check();
    expect(await rows.count()).toBeGreaterThan(current);
    await page.getByLabel('Show end-of-life models').uncheck();
    await page.getByLabel('Provider').selectOption('Amazon');
    const amazon = await rows.allInnerTexts();
    expect(amazon.every((r) => r.includes('Amazon'))).toBe(true);
    await page.getByRole('button', { name: /Check availability in us-east-1/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /models and \d+ inference profiles are listed/ })
      .waitFor();
    expect(await page.locator('td.avail').count()).toBe(await rows.count());
    await page.screenshot({ path: `${SCREENS}/models-light.png`, fullPage: true });
  });
});

describe('secrets', () => {
  it('never sends the secret access key to the renderer', async () => {
    // Exercise success, failures and the profile list, then inspect everything received.
    await page.goto(`${app.server.url}#/settings`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/Connected/);
    app.fake.setBehavior({ kind: 'accessDenied' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/Access denied/);
    app.fake.reset();

    const received = await page.evaluate(() =>
      (window as unknown as { __received: string[] }).__received.join('\n'),
    );
    expect(received).toMatch(/latencyMs/); // the recorder really saw the API traffic
    expect(received).not.toContain(FAKE_SECRET_ACCESS_KEY);
    const html = await page.content();
    expect(html).not.toContain(FAKE_SECRET_ACCESS_KEY);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('dark theme', () => {
  it('follows the OS colour scheme', async () => {
    const dark = await openPage('dark');
    await dark.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(18, 21, 27)');
    await dark.screenshot({ path: `${SCREENS}/home-dark.png`, fullPage: true });
    await dark.goto(`${app.server.url}#/settings`);
    await dark.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/settings-dark.png`, fullPage: true });
    await dark.goto(`${app.server.url}#/models`);
    await dark.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/models-dark.png`, fullPage: true });
    await dark.context().close();
  });
});
