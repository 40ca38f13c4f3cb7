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
  endpointProblem,
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

/**
 * A settings file saved before cleartext endpoints were limited to loopback: the file is good
 * except for an http:// endpoint on another host. Rather than setting every setting aside, only
 * the endpoint is dropped, and the notice says so. null for any other file.
 */
function withoutRefusedEndpoint(text: string): { settings: Settings; message: string } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const endpoint = (raw as { aws?: { endpoint?: unknown } } | null)?.aws?.endpoint;
  if (typeof endpoint !== 'string' || endpointProblem(endpoint) === null) return null;
  const aws = (raw as { aws: Record<string, unknown> }).aws;
  const parsed = Settings.safeParse({ ...(raw as object), aws: { ...aws, endpoint: null } });
  if (!parsed.success) return null;
  return {
    settings: parsed.data,
    message: `The custom endpoint ${endpoint} was not used: ${endpointProblem(endpoint) ?? ''} Stratum uses AWS's endpoint for the region until you set another in Settings.`,
  };
}

/**
 * Reads settings.json (recovering from a damaged or older file) and returns the store whose
 * writes run one at a time and change memory only once the file is on disk. Long on purpose: the
 * write queue, the in-memory copy and the recovery notice share this closure.
 */
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
  const dropped = text === null ? null : withoutRefusedEndpoint(text);
  if (dropped) {
    // Everything else is kept; the endpoint is left out in memory until the next save.
    settings = dropped.settings;
    notice = { kind: 'recovered', message: dropped.message, movedTo: null };
  } else if (text !== null) {
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
