/**
 * Settings live in one JSON file in the app's user-data folder. Writes are atomic (temp file,
 * fsync, rename) so a crash never leaves half a file. A file that does not parse or validate never
 * stops the app: it is moved aside, defaults are used, and the renderer is told what happened.
 *
 * Writes run one at a time. The settings in memory change only once their write has reached the
 * disk: a failed write (the file briefly a folder, a full disk) leaves memory and file as they
 * were, rejects with a `save_failed` AppError saying why, and the next write runs normally.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppError } from '../../shared/result';
import {
  DEFAULT_SETTINGS,
  Settings,
  type ConnectionCheck,
  type SettingsPatch,
  type SettingsState,
} from '../../shared/settings';
import { AppFailure } from './errors';
import { writeAtomically } from './write-atomically';

export const SETTINGS_FILE = 'settings.json';

type Notice = SettingsState['notice'];

export interface SettingsStore {
  readonly path: string;
  state(): SettingsState;
  get(): Settings;
  /** Rejects with an AppFailure (code 'save_failed') when the file cannot be written. */
  update(patch: SettingsPatch): Promise<SettingsState>;
  recordConnection(check: ConnectionCheck): Promise<void>;
  /** Subscribers learn about every change (the Bedrock client cache listens). */
  onChange(listener: (settings: Settings) => void): () => void;
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

const WRITE_PROBLEMS: Record<string, string> = {
  EISDIR: 'a folder is in the way of the file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'Stratum is not allowed to write there',
  EPERM: 'Stratum is not allowed to write there',
  EROFS: 'the disk is read-only',
  ENOENT: 'its folder no longer exists',
  EBUSY: 'the file is in use by another program',
};

/** Why a settings write failed, as the Settings screen shows it ("not saved: <reason>"). */
export function saveFailure(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why = (code && WRITE_PROBLEMS[code]) ?? 'the file could not be written';
  return {
    code: 'save_failed',
    message: `${path} could not be written: ${why}${code ? ` (${code})` : ''}.`,
    remedy:
      'Make sure that path is a file Stratum may write (not a folder) and the disk has free space, then save again.',
  };
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
  /** The last write queued; a failure is caught here so it never blocks the next one. */
  let writing: Promise<unknown> = Promise.resolve();

  /**
   * Queues a write of `build(current)`, computed when the write runs (so queued changes compose).
   * Memory changes only after the file is on disk.
   */
  function commit(build: (current: Settings) => Settings): Promise<Settings> {
    const task = async (): Promise<Settings> => {
      const next = Settings.parse(build(structuredClone(settings)));
      try {
        await writeAtomically(path, JSON.stringify(next, null, 2) + '\n');
      } catch (error) {
        throw new AppFailure(saveFailure(path, error));
      }
      settings = next;
      for (const listener of listeners) listener(structuredClone(settings));
      return next;
    };
    const result = writing.then(task, task);
    writing = result.catch(() => undefined);
    return result;
  }

  const state = (): SettingsState => ({ settings: structuredClone(settings), path, notice });

  return {
    path,
    state,
    get: () => structuredClone(settings),
    async update(patch) {
      await commit((current) => {
        const next: Settings = {
          ...current,
          aws: { ...current.aws, ...patch.aws },
          ...(patch.monthlyBudgetUsd !== undefined
            ? { monthlyBudgetUsd: patch.monthlyBudgetUsd }
            : {}),
        };
        // A new profile, region, endpoint or model makes the last connection result stale.
        if (JSON.stringify(next.aws) !== JSON.stringify(current.aws)) next.lastConnection = null;
        return next;
      });
      notice = null;
      return state();
    },
    async recordConnection(check) {
      await commit((current) => ({ ...current, lastConnection: check }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
