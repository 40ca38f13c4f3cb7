/**
 * The invocation log on disk: one JSON line per Bedrock call, in the app's data folder next to
 * the settings file. Appends are cheap and crash-safe enough (a torn last line is skipped on
 * read); everything that rewrites the file (compaction, restore) writes a temp file, fsyncs and
 * renames, so the log is never half-written. All file work runs through one queue, so an append
 * can never interleave with a rewrite.
 *
 * A record holds only metrics (time, feature, model, tokens, latency, status, cost): never a
 * prompt, a reply or a credential. Records are validated on the way in and on the way out; lines
 * that do not validate are skipped and counted, never fatal.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  ClearInvocationsOutput,
  InvocationList,
  ListInvocationsInput,
  RestoreInvocationsOutput,
} from '../../shared/contract';
import {
  estimateCallCost,
  InvocationRecord,
  type CallRecorder,
  type CallReport,
} from '../../shared/invocations';
import { AppFailure } from './errors';
import { writeAtomically } from './write-atomically';

export const INVOCATION_LOG_FILE = 'invocations.jsonl';
/** How many records the log keeps: the newest, by send time. */
export const DEFAULT_INVOCATION_CAP = 20_000;

const CLEARED_PREFIX = 'invocations.cleared-';
const CLEARED_SUFFIX = '.jsonl';
const TOKEN = /^[a-z0-9-]{1,64}$/;

export interface InvocationLogOptions {
  /** Records kept; the file is compacted to this many once it grows 10% past it. */
  cap?: number;
  newId?: () => string;
}

interface Parsed {
  records: InvocationRecord[];
  skippedLines: number;
  /** Lines in the file, good or bad (what compaction is triggered by). */
  lines: number;
  endsWithNewline: boolean;
}

function parseLines(text: string): Parsed {
  const records: InvocationRecord[] = [];
  let skippedLines = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    lines += 1;
    try {
      const result = InvocationRecord.safeParse(JSON.parse(line));
      if (result.success) records.push(result.data);
      else skippedLines += 1;
    } catch {
      skippedLines += 1;
    }
  }
  return {
    records,
    skippedLines,
    lines,
    endsWithNewline: text.length === 0 || text.endsWith('\n'),
  };
}

/** Newest first by send time; among equal times, the later line first. */
function newestFirst(records: readonly InvocationRecord[]): InvocationRecord[] {
  return records
    .map((record, index) => ({ record, index, time: Date.parse(record.at) }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map((x) => x.record);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function toLines(records: readonly InvocationRecord[]): string {
  return records.map((r) => JSON.stringify(r) + '\n').join('');
}

export class InvocationLog {
  readonly path: string;
  private readonly cap: number;
  private readonly newId: () => string;
  /** Every file operation runs after the previous one settles. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Lines in the file (null until first read). */
  private lineCount: number | null = null;
  private needsNewline = false;
  /** Appends that failed (disk full, permissions): reported in the main process's console. */
  failedWrites = 0;

  constructor(
    private readonly dir: string,
    options: InvocationLogOptions = {},
  ) {
    this.path = join(dir, INVOCATION_LOG_FILE);
    this.cap = Math.max(1, Math.floor(options.cap ?? DEFAULT_INVOCATION_CAP));
    this.newId = options.newId ?? randomUUID;
  }

  /** The recorder Bedrock modules are given: fire and forget, never throws. */
  readonly record: CallRecorder = (call) => {
    void this.append(call).catch((error: unknown) => {
      this.failedWrites += 1;
      console.warn('Stratum could not write to the invocation log:', describe(error));
    });
  };

  /** Validates and appends one record; compacts when the file has grown past the cap. */
  async append(call: CallReport): Promise<InvocationRecord> {
    // Built field by field, then parsed: nothing outside the schema (such as pricing inputs or
    // anything a caller added by mistake) reaches the file.
    const record = InvocationRecord.parse({
      id: this.newId(),
      at: call.at,
      feature: call.feature,
      operation: call.operation,
      modelId: call.modelId,
      region: call.region,
      latencyMs: call.latencyMs,
      firstTokenMs: call.firstTokenMs,
      inputTokens: call.inputTokens,
      outputTokens: call.outputTokens,
      images: call.images,
      status: call.status,
      errorCode: call.errorCode,
      stopReason: call.stopReason,
      costUsd: estimateCallCost(call),
      ...(call.guardrail
        ? { guardrail: { id: call.guardrail.id, version: call.guardrail.version } }
        : {}),
    });
    return await this.run(async () => {
      await this.ensureCounted();
      const line = (this.needsNewline ? '\n' : '') + JSON.stringify(record) + '\n';
      await appendFile(this.path, line, { encoding: 'utf8', mode: 0o600 });
      this.needsNewline = false;
      this.lineCount = (this.lineCount ?? 0) + 1;
      if (this.lineCount > this.cap + Math.ceil(this.cap / 10)) await this.compact();
      return record;
    });
  }

  /** Records newest first, optionally since a time and at most `limit`. */
  list(input: ListInvocationsInput = {}): Promise<InvocationList> {
    return this.run(async () => {
      const parsed = parseLines(await readText(this.path));
      this.lineCount = parsed.lines;
      this.needsNewline = !parsed.endsWithNewline;
      const since = input.since !== undefined ? Date.parse(input.since) : null;
      let records = newestFirst(parsed.records);
      if (since !== null) records = records.filter((r) => Date.parse(r.at) >= since);
      if (input.limit !== undefined) records = records.slice(0, input.limit);
      return { records, skippedLines: parsed.skippedLines, path: this.path };
    });
  }

  /**
   * Empties the log. The old file is kept aside (replacing any earlier cleared batch) until the
   * next clear, so `restore(undoToken)` can bring it back.
   */
  clear(): Promise<ClearInvocationsOutput> {
    return this.run(async () => {
      const parsed = parseLines(await readText(this.path));
      if (parsed.lines === 0) return { removed: 0, undoToken: null };
      await this.dropClearedBatches();
      const undoToken = randomUUID();
      await rename(this.path, this.clearedPath(undoToken));
      this.lineCount = 0;
      this.needsNewline = false;
      return { removed: parsed.records.length, undoToken };
    });
  }

  /** Puts a cleared batch back, merged with any calls logged since, newest `cap` kept. */
  restore(undoToken: string): Promise<RestoreInvocationsOutput> {
    return this.run(async () => {
      const nothing = new AppFailure({
        code: 'invalid_input',
        message: 'There is nothing to undo: those records were already restored or cleared again.',
      });
      if (!TOKEN.test(undoToken)) throw nothing;
      const clearedPath = this.clearedPath(undoToken);
      let clearedText: string;
      try {
        clearedText = await readFile(clearedPath, 'utf8');
      } catch {
        throw nothing;
      }
      const cleared = parseLines(clearedText).records;
      const current = parseLines(await readText(this.path)).records;
      const seen = new Set(current.map((r) => r.id));
      const merged = [...cleared.filter((r) => !seen.has(r.id)), ...current];
      const kept = newestFirst(merged).slice(0, this.cap).reverse();
      await writeAtomically(this.path, toLines(kept));
      await rm(clearedPath, { force: true });
      this.lineCount = kept.length;
      this.needsNewline = false;
      return { restored: merged.length - current.length };
    });
  }

  /** Resolves once every queued write has finished (tests, shutdown). */
  async flush(): Promise<void> {
    await this.run(async () => undefined);
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async ensureCounted(): Promise<void> {
    if (this.lineCount !== null) return;
    await mkdir(this.dir, { recursive: true });
    const parsed = parseLines(await readText(this.path));
    this.lineCount = parsed.lines;
    this.needsNewline = !parsed.endsWithNewline;
  }

  /** Rewrites the file with the newest `cap` valid records, oldest first (append order). */
  private async compact(): Promise<void> {
    const parsed = parseLines(await readText(this.path));
    const kept = newestFirst(parsed.records).slice(0, this.cap).reverse();
    await writeAtomically(this.path, toLines(kept));
    this.lineCount = kept.length;
    this.needsNewline = false;
  }

  private clearedPath(token: string): string {
    return join(this.dir, `${CLEARED_PREFIX}${token}${CLEARED_SUFFIX}`);
  }

  private async dropClearedBatches(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => n.startsWith(CLEARED_PREFIX) && n.endsWith(CLEARED_SUFFIX))
        .map((n) => rm(join(this.dir, n), { force: true })),
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
