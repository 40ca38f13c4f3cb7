/**
 * Token lab: slider move -> repaint, in headless Chromium on the built renderer (browser mode,
 * fake Bedrock). `npx electron-vite build && npx tsx bench/token-lab.ts` (STRATUM_OUT_DIR picks
 * another build). Prints figures; nothing here fails on a number.
 *
 * For each tab (the illustrative example, 10 candidates; the small model, a vocabulary of about
 * 4,400 words) the Temperature slider is focused and moved with the arrow keys (trusted key
 * presses, as a learner's). For every move:
 * - work: from the input event's timestamp to the DOM updated by React and laid out again
 *   (a window listener in the bubble phase runs after React's root listener; reading layout
 *   forces style and layout), i.e. what must fit in a frame before the paint;
 * - frame: from the event's timestamp to the next animation frame after that (the frame the
 *   change is painted in); with a 60 Hz clock this includes waiting for the frame boundary.
 * Also counts the Event Timing API's entries of 16 ms or more (input to next paint), which
 * Chromium reports for slow interactions only.
 * Goal: work p95 under 16 ms (one frame).
 */
import type { Page } from 'playwright-core';
import { startApp } from '../tests/support/app';
import { launchChromium } from '../tests/support/chromium';

const MOVES = 60;

interface Figures {
  work: number[];
  frame: number[];
  slowEvents: number;
}

declare global {
  interface Window {
    __bench?: { work: number[]; frame: number[]; slow: number };
  }
}

async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = { work: [] as number[], frame: [] as number[], slow: 0 };
    window.__bench = bench;
    window.addEventListener('input', (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'range') return;
      void document.documentElement.getBoundingClientRect().height;
      const start = event.timeStamp;
      bench.work.push(performance.now() - start);
      requestAnimationFrame(() => bench.frame.push(performance.now() - start));
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.duration >= 16) bench.slow += 1;
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
  });
}

async function moveSlider(page: Page): Promise<Figures> {
  const slider = page.getByLabel(/^Temperature/).first();
  await slider.focus();
  await instrument(page);
  for (let i = 0; i < MOVES; i++) {
    // Up and down around 1.0 so the distribution really changes each time.
    await page.keyboard.press(i % 40 < 20 ? 'ArrowRight' : 'ArrowLeft');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  }
  const out = await page.evaluate(() => window.__bench!);
  return { work: out.work, frame: out.frame, slowEvents: out.slow };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], q: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function report(name: string, f: Figures): void {
  console.log(
    `${name}: ${f.work.length} moves · work median ${ms(at(f.work, 0.5))}, p95 ${ms(at(f.work, 0.95))}, max ${ms(Math.max(...f.work))}` +
      ` · to next frame median ${ms(at(f.frame, 0.5))}, p95 ${ms(at(f.frame, 0.95))}` +
      ` · Event Timing entries >= 16 ms: ${f.slowEvents}`,
  );
}

const app = await startApp();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${app.server.url}#/token-lab`);
  await page.getByRole('heading', { level: 1, name: 'Token lab' }).waitFor();
  report('Token lab, illustrative example (10 candidates)', await moveSlider(page));
  await page.getByRole('tab', { name: /small model/ }).click();
  await page.getByRole('button', { name: 'Sample', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sample', exact: true }).click();
  report('Token lab, small model (whole vocabulary)', await moveSlider(page));
} finally {
  await browser.close();
  await app.close();
}
