/**
 * Streaming latency, browser mode: how long a text delta takes from the moment the fake Bedrock
 * writes it to the moment it is in the page's DOM (and to the next animation frame, when the
 * browser paints it), in the Playground's Compare view with its two columns streaming at once.
 *
 * - The fake's `timedDeltas` behaviour stamps every delta with its send time,
 *   `performance.timeOrigin + performance.now()` in this Node process (the fake, the main-process
 *   handlers and the browser-mode server all run here, so the figure includes the AWS SDK's
 *   event-stream parsing, the handler, the SSE hop, the renderer's parsing and React/Markdown).
 * - In the page, a MutationObserver reads the first column's text whenever the DOM changes and
 *   notes, for each new stamp, `performance.timeOrigin + performance.now()` in Chromium; a
 *   requestAnimationFrame callback then notes the start of the frame that paints it.
 * - Both sides derive epoch time from the same system clock (timeOrigin is the wall clock at
 *   process or page start, performance.now() a monotonic clock from there). The bench prints each
 *   side's offset from Date.now() as a check: if they differ by more than a millisecond, the
 *   figures are off by that much.
 *
 * Two runs: 300 deltas at 50 per second (the latency figure, goal p95 < 16 ms), then 1,000 at
 * 200 per second for 5 seconds (does the UI keep up: no lag that grows through the run).
 */
import type { Page } from 'playwright-core';
import { percentile } from '../shared/statistics';
import { TIMED_DELTA_STAMP } from '../tests/fakes/bedrock';
import { startApp } from '../tests/support/app';
import { launchChromium } from '../tests/support/chromium';

interface Sample {
  index: number;
  /** Epoch ms the fake wrote the delta, as stamped (text) and as a number. */
  stamp: string;
  sentAt: number;
  /** Epoch ms the main-process handler emitted it towards the renderer (0 if not seen). */
  mainAt?: number;
  /** Epoch ms the MutationObserver first saw it in the DOM. */
  domAt: number;
  /** Epoch ms of the next animation frame after that. */
  frameAt: number;
}

export interface StreamRun {
  label: string;
  deltas: number;
  seen: number;
  /** Fake -> main-process emit: the AWS SDK's event-stream parsing and the handler. */
  main: { p50: number; p95: number; max: number };
  /** Main-process emit -> DOM: SSE, the renderer's parsing, React and Markdown. */
  renderer: { p50: number; p95: number; max: number };
  dom: { p50: number; p95: number; max: number };
  frame: { p50: number; p95: number; max: number };
  /** p95 of DOM latency per second of the run, by send time (a growing series means lag). */
  perSecondP95: number[];
  /** DOM latency of the last delta. */
  lastMs: number;
}

export interface StreamingFigures {
  clockSkewMs: number;
  runs: StreamRun[];
}

/** Installs the collector in the page: stamps seen in the first Compare column, with times. */
async function installCollector(page: Page, pattern: RegExp): Promise<void> {
  await page.evaluate((source) => {
    const found: {
      index: number;
      stamp: string;
      sentAt: number;
      domAt: number;
      frameAt: number;
    }[] = [];
    const seen = new Set<number>();
    const re = new RegExp(source, 'g');
    let from = 0;
    const w = window as unknown as { __streamSamples: typeof found; __streamReset: () => void };
    w.__streamSamples = found;
    w.__streamReset = () => {
      found.length = 0;
      seen.clear();
      from = 0;
    };
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      const column = document.querySelector('[data-testid="compare-column"] .compare-text');
      const text = column?.textContent ?? '';
      if (text.length < from) from = 0; // a new run replaced the text
      re.lastIndex = from;
      const fresh: (typeof found)[number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) {
        from = re.lastIndex;
        const index = Number(m[1]);
        if (seen.has(index)) continue;
        seen.add(index);
        fresh.push({ index, stamp: m[2]!, sentAt: Number(m[2]), domAt: now, frameAt: 0 });
      }
      if (fresh.length === 0) return;
      found.push(...fresh);
      requestAnimationFrame(() => {
        const frame = performance.timeOrigin + performance.now();
        for (const s of fresh) s.frameAt = frame;
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, pattern.source);
}

function summarise(label: string, deltas: number, samples: Sample[]): StreamRun {
  const dom = samples.map((s) => s.domAt - s.sentAt);
  const withMain = samples.filter((s) => s.mainAt !== undefined && s.mainAt > 0);
  const frame = samples.map((s) => s.frameAt - s.sentAt);
  const stats = (xs: number[]) => ({
    p50: percentile(xs, 50) ?? Number.NaN,
    p95: percentile(xs, 95) ?? Number.NaN,
    max: Math.max(...xs),
  });
  const first = Math.min(...samples.map((s) => s.sentAt));
  const buckets: number[][] = [];
  for (const s of samples) {
    const second = Math.floor((s.sentAt - first) / 1000);
    (buckets[second] ??= []).push(s.domAt - s.sentAt);
  }
  const last = samples.reduce((a, b) => (b.index > a.index ? b : a));
  return {
    label,
    deltas,
    seen: samples.length,
    main: stats(withMain.map((s) => s.mainAt! - s.sentAt)),
    renderer: stats(withMain.map((s) => s.domAt - s.mainAt!)),
    dom: stats(dom),
    frame: stats(frame),
    perSecondP95: buckets.map((b) => percentile(b ?? [], 95) ?? Number.NaN),
    lastMs: last.domAt - last.sentAt,
  };
}

export async function streamingFigures(): Promise<StreamingFigures> {
  const app = await startApp();
  const browser = await launchChromium();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    await page.goto(`${app.server.url}#/playground/compare`);
    await page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
    await page.getByLabel('Max output tokens').fill('4096');
    await installCollector(page, TIMED_DELTA_STAMP);
    const browserOffset = await page.evaluate(
      () => Date.now() - (performance.timeOrigin + performance.now()),
    );
    const nodeOffset = Date.now() - (performance.timeOrigin + performance.now());

    // Note when the main-process handler emits each stamped delta (the stream hub looks the
    // handler up on every call, so wrapping it here is enough).
    const emittedAt = new Map<string, number>();
    const streams = app.backend.streams;
    const converse = streams.converseStream.bind(streams);
    streams.converseStream = (input, emit, signal) =>
      converse(
        input,
        (event) => {
          if (event.type === 'delta') {
            const now = performance.timeOrigin + performance.now();
            for (const m of event.text.matchAll(TIMED_DELTA_STAMP)) emittedAt.set(m[2]!, now);
          }
          emit(event);
        },
        signal,
      );

    const run = async (label: string, count: number, intervalMs: number) => {
      // A paragraph every 20 deltas (about 500 characters), as a long answer has.
      app.fake.setBehavior({ kind: 'timedDeltas', count, intervalMs, paragraphEvery: 20 });
      await page.evaluate(() =>
        (window as unknown as { __streamReset: () => void }).__streamReset(),
      );
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page
        .getByTestId('compare-wall')
        .filter({ hasText: 'All columns finished' })
        .waitFor({ timeout: 60_000 });
      // Let the last frame callbacks run.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const samples = await page.evaluate(
        () => (window as unknown as { __streamSamples: Sample[] }).__streamSamples,
      );
      for (const sample of samples) {
        sample.mainAt = emittedAt.get(sample.stamp) ?? 0;
      }
      emittedAt.clear();
      return summarise(label, count, samples);
    };

    // Warm-up: the first call pays for the SDK client and the lazy chunks.
    await run('warm-up', 20, 10);
    const runs = [
      await run('300 deltas at 50/s', 300, 20),
      await run('1,000 deltas at 200/s (5 s)', 1000, 5),
    ];
    return { clockSkewMs: Math.abs(browserOffset - nodeOffset), runs };
  } finally {
    await browser.close();
    await app.close();
  }
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export function printStreaming(figures: StreamingFigures): void {
  console.log(
    '\nStreaming, browser mode, Compare view with 2 columns (fake writes a delta -> text in the DOM)',
  );
  console.log(
    `  clock check: Node and Chromium epoch clocks differ by ${figures.clockSkewMs.toFixed(2)} ms`,
  );
  for (const r of figures.runs) {
    console.log(`  ${r.label}: ${r.seen} of ${r.deltas} deltas seen in the first column`);
    console.log(
      `    fake -> main emit  p50 ${ms(r.main.p50).padStart(9)}   p95 ${ms(r.main.p95).padStart(9)}   max ${ms(r.main.max).padStart(9)}   (AWS SDK parsing, handler)`,
    );
    console.log(
      `    main emit -> DOM   p50 ${ms(r.renderer.p50).padStart(9)}   p95 ${ms(r.renderer.p95).padStart(9)}   max ${ms(r.renderer.max).padStart(9)}   (SSE, renderer, React, Markdown)`,
    );
    console.log(
      `    to the DOM         p50 ${ms(r.dom.p50).padStart(9)}   p95 ${ms(r.dom.p95).padStart(9)}   max ${ms(r.dom.max).padStart(9)}   goal p95 < 16 ms`,
    );
    console.log(
      `    to the next frame  p50 ${ms(r.frame.p50).padStart(9)}   p95 ${ms(r.frame.p95).padStart(9)}   max ${ms(r.frame.max).padStart(9)}`,
    );
    console.log(
      `    p95 per second of the run: ${r.perSecondP95.map((x) => x.toFixed(1)).join(', ')} ms; last delta ${ms(r.lastMs)}`,
    );
  }
}
