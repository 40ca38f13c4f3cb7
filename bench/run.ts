/**
 * `npm run bench`: prints performance figures (not timed tests; nothing here fails on a number).
 *
 * - the renderer's initial JS and CSS, gzip, as index.html loads them (later screens are split);
 * - navigation to first contentful paint (the static shell in index.html) and to the rendered Home
 *   screen in headless Chromium, browser mode, median of runs.
 *
 * - notes search: index build and query latency over the whole corpus;
 * - token lab: the sampling pipeline over 50 candidates and 10,000 draws with a histogram;
 * - diffusion lab: one forward frame of a 256x256 image and 50 reverse steps; the trained
 *   network's training step, in-app training run and sampling of 1 and 200 images
 *   (bench/diffusion-net.ts).
 * - spaced review: the due-queue query over 10,000 cards and 50,000 attempts, in headless
 *   Chromium's IndexedDB (what the app uses) and on fake-indexeddb in Node; drawing a mock exam
 *   from 10,000 questions; Home's dashboard with 10,000 questions, 50,000 attempts and 100 exams
 *   (bench/quiz-core.ts; goal under 100 ms in Chromium).
 * - backup: importing a file of 10,000 questions into a fresh database (bench/backup.ts); a heavy
 *   learner's whole backup with the labs' work: size, export, check, write (bench/backup-labs.ts).
 * - streaming: a delta written by the fake Bedrock -> its text in the DOM of the Playground's
 *   Compare view, at 50 and 200 deltas per second (bench/streaming.ts; goal p95 < 16 ms).
 *
 * - evaluation lab: every generation metric over 1,000 pairs of about 200 words, and the
 *   bootstrap intervals (bench/eval.ts; goal under 200 ms).
 * - token lab: a slider move to the next frame, per tab (bench/token-lab.ts; goal p95 < 16 ms).
 * - playground chat: safe Markdown render of an answer, whole and per streamed delta, and searching 200 saved
 *   chats (bench/chat.ts).
 *
 * Goals: initial JS under 250 kB gzip, first content under 300 ms; search index under 100 ms and
 * a query under 5 ms.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBackend } from '../electron/main/handlers';
import { openSettingsStore } from '../electron/main/settings-store';
import { startWebServer } from '../electron/web/server';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium';
import { RENDERER_DIR } from '../tests/support/app';
import { loadCorpus } from '../tests/support/corpus';
import { buildIndex, plainText } from '../renderer/src/lib/search';
import { logitsFromDistribution, trainKneserNey } from '../renderer/src/lib/ngram';
import { drawMany, pipeline } from '../renderer/src/lib/sampling';
import { createRng } from '../shared/random';
import {
  cosineSchedule,
  forwardSample,
  gaussianArray,
  linearSchedule,
  reverseSample,
} from '../renderer/src/lib/diffusion';
import { dataset, draw } from '../renderer/src/lib/drawings';
import {
  accuracy,
  dailyCounts,
  dayOf,
  dueForecast,
  heatmap,
  streak,
  weakestTasks,
} from '../renderer/src/lib/stats';
import { EXAM_GUIDE } from '../shared/exam-guide';
import { quizFigures } from './quiz';
import { quizFiguresInChromium } from './quiz-browser';
import { backupFigures } from './backup';
import {
  backupLabFigures,
  backupLabFiguresInChromium,
  printBackupLabs,
  printBackupLabsChromium,
} from './backup-labs';
import { printStreaming, streamingFigures } from './streaming';
import { chatFigures, printChat } from './chat';
import { printRag, ragFigures } from './rag';
import { evalFigures, printEval } from './eval';
import { diffusionNetFigures, printDiffusionNet } from './diffusion-net';
import { median as medianOrNull } from '../shared/statistics';

const median = (xs: readonly number[]): number => medianOrNull(xs) ?? NaN;

const RUNS = 9;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function bundleSizes() {
  const html = await readFile(join(RENDERER_DIR, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const gz = async (file: string) => gzipSync(await readFile(join(RENDERER_DIR, file))).length;
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    if (ref.endsWith('.js')) js += await gz(ref);
    if (ref.endsWith('.css')) css += await gz(ref);
  }
  const all = (await readdir(join(RENDERER_DIR, 'assets'))).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !refs.includes(`assets/${f}`));
  let lazyBytes = 0;
  for (const f of lazy) lazyBytes += await gz(`assets/${f}`);
  return { js, css, lazyChunks: lazy.length, lazyBytes };
}

/** Paint entries arrive asynchronously: wait for FCP with a buffered observer. */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** The same measurement on a page with one line of static text: what Chromium itself costs here. */
async function baseline(browser: Browser, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    out.push(await firstContentfulPaint(page));
    await context.close();
  }
  return out;
}

async function firstContent() {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-bench-'));
  const store = await openSettingsStore(dir);
  const backend = createBackend({ store, mode: 'browser', version: 'bench' });
  const server = await startWebServer({ backend, rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  const fcp: number[] = [];
  const ready: number[] = [];
  try {
    const empty = await baseline(browser, `${server.url}favicon.svg`);
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      // Polled every animation frame inside the page: the time the Home screen is on screen.
      const handle = await page.waitForFunction(
        () => (document.querySelector('main h1') ? performance.now() : 0),
        undefined,
        { polling: 'raf' },
      );
      const now = await handle.jsonValue();
      const paint = await firstContentfulPaint(page);
      await context.close();
      if (i === 0) continue; // warm-up: the first run pays for Chromium's own start-up
      fcp.push(paint);
      ready.push(now);
    }
    return { fcp, ready, empty };
  } finally {
    await browser.close();
    backend.dispose();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Notes search: index build time and query latency over the whole corpus (Node, same code). */
function searchFigures() {
  const corpus = loadCorpus();
  const builds: number[] = [];
  let index = buildIndex(corpus);
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    index = buildIndex(corpus);
    builds.push(performance.now() - t);
  }
  const queries = [
    'provisioned throughput',
    'rag',
    'guardrails',
    'temperature',
    'rouge',
    'fine-tuning',
    'sagemaker clarify',
    'prompt injection',
    'embeddings',
    'diffusion',
    'macie',
    'agents',
    'tok',
    'evaluat',
    'guardrials',
    'shared responsibility',
    'bias variance',
    'vector database',
  ];
  const latencies: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const q of queries) {
      const t = performance.now();
      index.search(q);
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return {
    notes: corpus.notes.length,
    docs: index.size,
    build: median(builds),
    p50: pct(0.5),
    p95: pct(0.95),
  };
}

/** Token lab maths: one pipeline over 50 candidates, and 10,000 draws tallied into a histogram. */
function tokenLabFigures() {
  const candidates = Array.from({ length: 50 }, (_, i) => ({
    token: `t${i}`,
    logit: Math.sin(i) * 4 - i / 10,
  }));
  const settings = { temperature: 0.8, topK: 40, topP: 0.95 };
  const pipelineTimes: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    pipeline(candidates, { ...settings, temperature: 0.5 + (i % 100) / 100 });
    pipelineTimes.push(performance.now() - t);
  }
  const final = pipeline(candidates, settings).final;
  const drawTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    const counts = drawMany(final, 10_000, createRng(i));
    counts.map((c, j) => ({ j, c })).sort((a, b) => b.c - a.c);
    drawTimes.push(performance.now() - t);
  }
  // Dragging the temperature slider on the notes model reruns the pipeline over its vocabulary.
  const model = trainKneserNey(loadCorpus().notes.map((n) => `${n.title}. ${plainText(n.body)}`));
  const vocab = logitsFromDistribution(model.nextDistribution('amazon bedrock is a'), Infinity);
  const vocabTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    pipeline(vocab, { temperature: 0.5 + (i % 100) / 100, topK: 40, topP: 0.9 });
    vocabTimes.push(performance.now() - t);
  }
  return {
    pipeline: median(pipelineTimes),
    draws: median(drawTimes),
    vocab: median(vocabTimes),
    vocabSize: vocab.length,
  };
}

/** Diffusion lab maths: one forward frame of a 256x256 image, and 50 reverse steps on the dataset. */
function diffusionFigures() {
  const size = 256;
  const x0 = draw('house', size, 0).pixels;
  const eps = gaussianArray(size * size * 3, 1);
  const schedule = linearSchedule(1000);
  const out = new Float32Array(x0.length);
  const forward: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    forwardSample(x0, eps, schedule, 1 + ((i * 5) % 1000), out);
    forward.push(performance.now() - t);
  }
  const data = dataset(32, 6);
  const reverse: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    reverseSample({
      dataset: data,
      schedule: cosineSchedule(1000),
      steps: 50,
      sampler: 'ddim',
      seed: i,
      classLabel: 'tree',
      guidance: 2,
    });
    reverse.push(performance.now() - t);
  }
  return { forward: median(forward), reverse: median(reverse), items: data.length };
}

/**
 * Practice stats: everything the Stats tab computes (accuracy, calendar, streak, forecast, weakest
 * areas) for a heavy year of practice: 20,000 answers to 500 questions and 500 review cards.
 */
function statsFigures() {
  const tasks = EXAM_GUIDE.domains.flatMap((d) =>
    d.tasks.map((t) => ({ domain: d.id, task: t.id })),
  );
  const questions = Array.from({ length: 500 }, (_, i) => ({
    id: `q${i}`,
    ...tasks[i % tasks.length]!,
    sourceNoteId: `note-${i % 39}`,
  }));
  const start = Date.parse('2025-06-01T08:00:00Z');
  const attempts = Array.from({ length: 20_000 }, (_, i) => ({
    id: `a${i}`,
    questionId: `q${(i * 7) % 500}`,
    at: new Date(start + i * 26 * 60_000).toISOString(),
    correct: (i * 13) % 10 < 7,
    mode: 'practice' as const,
  }));
  const cards = questions.map((q, i) => ({
    questionId: q.id,
    due: new Date(start + 365 * 86_400_000 + i * 3_600_000).toISOString(),
    state: 2,
  }));
  const notes = loadCorpus().notes.map((n) => ({ id: n.id, title: n.title, tasks: n.tasks }));
  const now = new Date(start + 366 * 86_400_000);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const day = dayOf();
    const today = day(now);
    const acc = accuracy(attempts, questions);
    const counts = dailyCounts(attempts, day);
    streak(counts, today);
    heatmap(counts, today, 26, 1);
    dueForecast(cards, today, day, 30);
    weakestTasks(acc, questions, notes);
    times.push(performance.now() - t);
  }
  return { all: median(times), answers: attempts.length };
}

const sizes = await bundleSizes();
console.log('Renderer bundle (gzip)');
console.log(`  initial JS   ${kB(sizes.js).padStart(10)}   goal < 250 kB`);
console.log(`  initial CSS  ${kB(sizes.css).padStart(10)}`);
console.log(
  `  lazy chunks  ${kB(sizes.lazyBytes).padStart(10)}   in ${sizes.lazyChunks} files, loaded per screen`,
);

const search = searchFigures();
console.log(
  `\nNotes search (MiniSearch, ${search.notes} notes + glossary = ${search.docs} documents)`,
);
console.log(
  `  index build (median of 20)   ${search.build.toFixed(1).padStart(7)} ms   goal < 100 ms`,
);
console.log(`  query p50                    ${search.p50.toFixed(2).padStart(7)} ms   goal < 5 ms`);
console.log(`  query p95                    ${search.p95.toFixed(2).padStart(7)} ms`);

const lab = tokenLabFigures();
console.log('\nToken lab (median)');
console.log(
  `  pipeline, 50 candidates          ${lab.pipeline.toFixed(3).padStart(8)} ms   goal < 1 ms`,
);
console.log(
  `  10,000 draws + histogram         ${lab.draws.toFixed(2).padStart(8)} ms   goal < 20 ms`,
);
console.log(
  `  pipeline, notes model (${lab.vocabSize} words) ${lab.vocab.toFixed(2).padStart(6)} ms   per slider step (a frame is 16 ms)`,
);

const diffusion = diffusionFigures();
console.log('\nDiffusion lab (median)');
console.log(
  `  forward x_t, 256x256 RGB         ${diffusion.forward.toFixed(2).padStart(8)} ms   goal < 8 ms`,
);
console.log(
  `  50 reverse steps (DDIM, ${diffusion.items} images of 32x32, guided) ${diffusion.reverse.toFixed(0).padStart(4)} ms   goal < 500 ms`,
);

const stats = statsFigures();
console.log('\nPractice stats (median of 15)');
console.log(
  `  every figure, ${stats.answers.toLocaleString('en-US')} answers ${stats.all.toFixed(1).padStart(8)} ms   goal < 100 ms (recomputed when an answer is saved)`,
);

// Spaced review and mock exam (bench/quiz.ts): IndexedDB here is fake-indexeddb, a pure-JS
// implementation in Node that is slower per row than Chromium's, so these are upper bounds.
const steady = await quizFigures();
const backlog = await quizFigures(30, 60);
const chromiumQuiz = await (async () => {
  const browser = await launchChromium();
  try {
    return await quizFiguresInChromium(browser);
  } finally {
    await browser.close();
  }
})();
console.log(
  `\nSpaced review and mock exam (median; ${steady.cards.toLocaleString('en-US')} cards, ${steady.attempts.toLocaleString('en-US')} attempts)`,
);
const queueLine = (label: string, f: typeof steady) =>
  console.log(
    `  due queue, ${String(f.due).padStart(5)} due, ${label.padEnd(38)} ${f.queueMs.toFixed(1).padStart(6)} ms  (after a rating ${f.afterRatingMs.toFixed(1)} ms; new today ${f.parts.newTodayMs.toFixed(1)} ms of it; reading every card, once, in idle time after start: ${f.parts.cardLoadMs.toFixed(0)} ms; first queue without that read ${f.coldQueueMs.toFixed(0)} ms)`,
  );
queueLine('steady state, Chromium IndexedDB', chromiumQuiz.steady);
queueLine("a month's backlog, Chromium IndexedDB", chromiumQuiz.backlog);
queueLine('steady state, fake-indexeddb (Node)', steady);
queueLine("a month's backlog, fake-indexeddb", backlog);
console.log('  goal: due queue < 20 ms');
console.log(`  draw a 65-question exam from 10,000 ${steady.drawMs.toFixed(2).padStart(7)} ms`);
console.log(
  `\nHome dashboard (10,000 questions, 50,000 attempts, 10,000 cards, 100 exams; median)\n  Chromium IndexedDB ${chromiumQuiz.steady.homeMs.toFixed(1).padStart(7)} ms  (first open ${chromiumQuiz.steady.homeColdMs.toFixed(0)} ms)\n  fake-indexeddb     ${steady.homeMs.toFixed(1).padStart(7)} ms\n  goal: under 100 ms in Chromium`,
);

// Backup import (bench/backup.ts): fake-indexeddb in Node, so the write is an upper bound.
const backup = await backupFigures();
console.log(
  `\nBackup import, ${backup.count.toLocaleString('en-US')} questions (${(backup.bytes / 1048576).toFixed(1)} MB file, fake-indexeddb)`,
);
console.log(
  `  parse and check (JSON, zod, rules, passages) ${backup.parseMs.toFixed(0).padStart(6)} ms`,
);
console.log(
  `  merge and write, one transaction            ${backup.writeMs.toFixed(0).padStart(6)} ms`,
);
printBackupLabs(await backupLabFigures());
printBackupLabsChromium(await backupLabFiguresInChromium());

const { fcp, ready, empty } = await firstContent();
console.log(`\nBrowser mode, headless Chromium, median of ${RUNS} fresh page loads`);
console.log(
  `  navigation -> first contentful paint   ${median(fcp).toFixed(0).padStart(5)} ms   goal < 300 ms (static shell)`,
);
console.log(
  `  navigation -> Home screen rendered     ${median(ready).toFixed(0).padStart(5)} ms   (React app up, polled per frame)`,
);
console.log(`  first contentful paint, all runs: ${fcp.map((x) => x.toFixed(0)).join(', ')} ms`);
console.log(`  baseline: a static image, same server and browser: ${median(empty).toFixed(0)} ms`);

// Streaming latency in the Playground's Compare view (bench/streaming.ts).
printStreaming(await streamingFigures());

// Playground chat (bench/chat.ts).
printChat(await chatFigures());

// Knowledge bases lab: chunking, BM25 recall over the bank, flat cosine search (bench/rag.ts).
printRag(ragFigures());
printEval(evalFigures());

// Diffusion lab, trained network: training step, in-app run, sampling (bench/diffusion-net.ts).
printDiffusionNet(diffusionNetFigures());

// Token lab: a slider move -> repaint, in headless Chromium (bench/token-lab.ts runs on import).
console.log('');
await import('./token-lab');
