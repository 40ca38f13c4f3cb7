// @ts-check
/**
 * Runs npm scripts at the same time and shows each one's output whole, in one block, as soon as it
 * finishes (never interleaved line by line), then a summary. Exits non-zero if any failed.
 * Plain Node, no dependency: works the same on Linux, macOS and Windows.
 *
 *   node scripts/run-parallel.js typecheck lint
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import process from 'node:process';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: node scripts/run-parallel.js <npm script> [<npm script> ...]\n');
  process.exit(2);
}

const write = (text) => process.stdout.write(text);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Runs one npm script with its output captured; resolves with how it ended. */
function run(name) {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', name], {
    // npm is npm.cmd on Windows, which only a shell can start.
    shell: process.platform === 'win32',
    // Keep the tools' colours when the output goes to a terminal.
    env: color ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    const finish = (code) =>
      resolve({
        name,
        code,
        ms: Date.now() - started,
        text: Buffer.concat(output).toString('utf8'),
      });
    child.on('error', (error) => {
      output.push(Buffer.from(`${String(error)}\n`));
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

write(`Running at the same time: ${names.join(', ')}\n`);
const results = await Promise.all(
  names.map((name) =>
    run(name).then((result) => {
      const ok = result.code === 0;
      const status = ok ? paint('32', 'passed') : paint('31', `FAILED (exit ${result.code})`);
      write(`\n${paint('1', `── npm run ${name}: ${status} in ${seconds(result.ms)} ──`)}\n`);
      const text = result.text.trimEnd();
      write(text ? `${text}\n` : '(no output)\n');
      return result;
    }),
  ),
);

const failed = results.filter((r) => r.code !== 0);
write(
  `\n${results.map((r) => `${r.name} ${r.code === 0 ? 'passed' : 'FAILED'} (${seconds(r.ms)})`).join(', ')}\n`,
);
process.exit(failed.length ? 1 : 0);
