/**
 * The due-queue figures in headless Chromium, on the IndexedDB the app really uses: bench/quiz-core.ts
 * is bundled with esbuild (already installed with tsx and Vite) into a page served from 127.0.0.1
 * (IndexedDB needs a real origin), and run there with the same data as the Node figures.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import type { quizFigures } from './quiz-core';

export type QuizFigures = Awaited<ReturnType<typeof quizFigures>>;

export async function quizFiguresInChromium(
  browser: Browser,
): Promise<{ steady: QuizFigures; backlog: QuizFigures }> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'quiz-browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.quizFigures === 'function');
    const steady = await page.evaluate(() => window.quizFigures());
    const backlog = await page.evaluate(() => window.quizFigures(30, 60));
    return { steady, backlog };
  } finally {
    await page.close();
    await new Promise((done) => server.close(done));
  }
}
