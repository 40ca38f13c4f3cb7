/**
 * Settings live in one JSON file in the app's user-data folder. Writes are atomic (temp file,
 * fsync, rename) so a crash never leaves half a file. A file that does not parse or validate never
 * stops the app: it is moved aside, defaults are used, and the renderer is told what happened.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_SETTINGS,
  Settings,
  type ConnectionCheck,
  type SettingsPatch,
  type SettingsState,
} from '../../shared/settings';

export const SETTINGS_FILE = 'settings.json';

type Notice = SettingsState['notice'];

export interface SettingsStore {
  readonly path: string;
  state(): SettingsState;
  get(): Settings;
  update(patch: SettingsPatch): Promise<SettingsState>;
  recordConnection(check: ConnectionCheck): Promise<void>;
  /** Subscribers learn about every change (the Bedrock client cache listens). */
  onChange(listener: (settings: Settings) => void): () => void;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

function describeProblem(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const issue = error.issues[0] as { path?: unknown[]; message?: string } | undefined;
    const where = issue?.path?.length ? ` at "${issue.path.join('.')}"` : '';
    return `a value is not valid${where}: ${issue?.message ?? 'unknown problem'}`;
  }
  return 'it could not be read';
}

export async function openSettingsStore(dir: string): Promise<SettingsStore> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, SETTINGS_FILE);
  let notice: Notice = null;
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);

  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    try {
      settings = Settings.parse(JSON.parse(text));
    } catch (error) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const movedTo = join(dir, `settings.invalid-${stamp}.json`);
      let moved: string | null = movedTo;
      try {
        await rename(path, movedTo);
      } catch {
        moved = null;
      }
      notice = {
        kind: 'recovered',
        message: `Your settings file could not be used (${describeProblem(error)}), so Stratum started with default settings.${
          moved ? ' The old file was kept aside.' : ''
        }`,
        movedTo: moved,
      };
    }
  }

  const listeners = new Set<(s: Settings) => void>();
  let writing: Promise<void> = Promise.resolve();

  async function commit(next: Settings): Promise<void> {
    settings = Settings.parse(next);
    const snapshot = JSON.stringify(settings, null, 2) + '\n';
    // Serialise writes so two quick updates cannot interleave their renames.
    writing = writing.then(() => writeAtomically(path, snapshot));
    await writing;
    for (const listener of listeners) listener(settings);
  }

  const state = (): SettingsState => ({ settings: structuredClone(settings), path, notice });

  return {
    path,
    state,
    get: () => structuredClone(settings),
    async update(patch) {
      const next: Settings = {
        ...settings,
        aws: { ...settings.aws, ...patch.aws },
        ...(patch.monthlyBudgetUsd !== undefined
          ? { monthlyBudgetUsd: patch.monthlyBudgetUsd }
          : {}),
      };
      const awsChanged = JSON.stringify(next.aws) !== JSON.stringify(settings.aws);
      // A new profile, region, endpoint or model makes the last connection result stale.
      if (awsChanged) next.lastConnection = null;
      await commit(next);
      notice = null;
      return state();
    },
    async recordConnection(check) {
      await commit({ ...settings, lastConnection: check });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
