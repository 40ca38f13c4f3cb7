/**
 * `npm run web -- --port N [--data DIR]`: serves the built renderer with the real main-process
 * handlers at http://127.0.0.1:N/ and prints the URL. For development and end-to-end tests; the
 * desktop app never starts it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../main/handlers';
import { openSettingsStore } from '../main/settings-store';
import { startWebServer } from './server';

/** The folder Electron uses for userData on this OS, so both modes share settings. */
function defaultDataDir(): string {
  const home = homedir();
  const base =
    process.platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Stratum');
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    data: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535 (got "${values.port}").`);
  process.exit(2);
}

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(
    'The renderer is not built yet: run `npm run build` first (npm run web does this).',
  );
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
};

const store = await openSettingsStore(
  values.data ?? process.env.STRATUM_DATA_DIR ?? defaultDataDir(),
);
const backend = createBackend({ store, mode: 'browser', version });
const server = await startWebServer({ backend, rendererDir, port });

console.log(`Stratum (browser mode) is serving ${server.url}`);
console.log(`Settings: ${store.path}`);

const stop = () => {
  // The invocation log finishes its queued writes before the process ends.
  void backend.log
    .flush()
    .catch(() => undefined)
    .then(() => {
      backend.dispose();
      return server.close();
    })
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
