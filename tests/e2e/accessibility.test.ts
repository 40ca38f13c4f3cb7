/**
 * An accessibility scan of every screen with axe-core (@axe-core/playwright), in light and dark:
 * each screen of the navigation and each of its tabs, plus the keyboard-shortcuts dialog. The
 * test fails on any violation axe rates serious or critical (WCAG 2.x A/AA rules and axe's best
 * practices: names for icon-only buttons, contrast, labels, ARIA use, scrollable regions...), and
 * its message lists each one with the screen, tab, theme, rule and the elements concerned.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENS } from '../../renderer/src/app/screens';
import { openApp, type OpenedApp } from '../support/e2e';

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1280, height: 800 } });
});
afterAll(() => opened?.close());

const SERIOUS = new Set(['serious', 'critical']);

/** The serious and critical violations on the page as it is, one line each. */
async function scan(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : ''}`,
    );
}

/** Waits until the screen's heading is there and nothing says it is loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page
    .waitForFunction(
      () => !document.querySelector('main .loading, main [aria-busy="true"]'),
      null,
      {
        timeout: 5000,
      },
    )
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on any screen or tab, ${colorScheme}`, async () => {
      const page = await opened!.newPage({ colorScheme, viewport: { width: 1280, height: 800 } });
      const found: string[] = [];
      const scanned: string[] = [];
      for (const screen of SCREENS) {
        // A fresh load per screen: after a hash change alone the last screen's heading would
        // still be there for a moment.
        await page.goto(`${opened!.app.server.url}#${screen.path}`);
        await page.reload();
        await settle(page);
        const tabs = await page.locator('main [role="tab"]').allInnerTexts();
        if (tabs.length === 0) {
          found.push(...(await scan(page, `${screen.label} / ${colorScheme}`)));
          scanned.push(screen.label);
        }
        for (const tab of tabs) {
          await page.locator('main [role="tab"]', { hasText: tab }).first().click();
          await settle(page);
          found.push(...(await scan(page, `${screen.label} / ${tab.trim()} / ${colorScheme}`)));
          scanned.push(`${screen.label} / ${tab.trim()}`);
        }
      }
      // With content: a chat answer, then the log holding that call.
      opened!.app.fake.setBehavior({ kind: 'reply', text: 'On-demand means **pay per token**.' });
      await page.goto(`${opened!.app.server.url}#/playground`);
      await page.reload();
      await settle(page);
      await page.getByRole('textbox', { name: 'Message' }).fill('What does on-demand mean?');
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
      await page
        .locator('[data-testid="assistant-turn"][data-status="complete"]')
        .first()
        .waitFor();
      found.push(...(await scan(page, `Playground / Chat with an answer / ${colorScheme}`)));
      await page.goto(`${opened!.app.server.url}#/invocation-log`);
      await page.reload();
      await settle(page);
      await page.getByTestId('log-models').waitFor();
      found.push(...(await scan(page, `Invocation log with calls / ${colorScheme}`)));
      // The keyboard-shortcuts dialog, over the last screen.
      await page.locator('main h1').first().click();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found.push(...(await scan(page, `Keyboard shortcuts dialog / ${colorScheme}`)));
      await page.context().close();
      // Every screen was reached, and the tabbed ones tab by tab (Practice alone has six).
      expect(scanned.length, scanned.join(', ')).toBeGreaterThanOrEqual(SCREENS.length + 15);
      expect(found, found.join('\n')).toEqual([]);
    }, 300_000);
  }
});
