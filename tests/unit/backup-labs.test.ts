/**
 * Backup format 4: what the learner made in the labs (chats, experiments, gallery, trained
 * denoisers, customization datasets, evaluation runs with ratings and judge runs, knowledge-base
 * indexes with their vectors) goes into the file and comes back exactly; vectors travel as base64
 * of their little-endian float32 bytes, bit for bit; a version 3 file still imports; a bad vector
 * or a row whose parent is missing is refused with its table, row and field.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StratumDb } from '../../renderer/src/db/db';
import {
  applyImport,
  backupText,
  describePlan,
  exportBackup,
  onBackupImported,
  parseBackup,
  planImport,
  TABLE_NAMES,
  type Backup,
} from '../../renderer/src/db/backup';
import { decodeFloat32, encodeFloat32 } from '../../renderer/src/db/backup-vectors';
import {
  conversation,
  customDataset,
  diffusionModel,
  evalJudgement,
  evalRating,
  evalRun,
  experiment,
  galleryImage,
  ragIndex,
  ragVector,
} from '../support/backup-lab-rows';

const LAB = {
  conversations: [conversation(1, { imageBytes: 300 }), conversation(2)],
  experiments: [experiment(1)],
  images: [galleryImage(1), galleryImage(2)],
  customDatasets: [customDataset(1)],
  evalRuns: [evalRun(1)],
  evalRatings: [evalRating('run-1', 0), evalRating('run-1', 1)],
  evalJudgements: [evalJudgement('run-1', 0)],
  diffusionModels: [diffusionModel(1)],
  ragIndexes: [ragIndex('rag-1')],
  ragVectors: [ragVector('rag-1', 0), ragVector('rag-1', 1)],
};
type LabTable = keyof typeof LAB;
const LAB_NAMES = Object.keys(LAB) as LabTable[];

let dbs: StratumDb[] = [];
let n = 0;
function freshDb(): StratumDb {
  const db = new StratumDb(`stratum-backup-labs-${n++}`);
  dbs.push(db);
  return db;
}
async function fill(db: StratumDb, rows: Partial<Record<LabTable, unknown[]>> = LAB) {
  for (const name of LAB_NAMES) if (rows[name]) await db.table(name).bulkPut(rows[name]);
}
async function dump(db: StratumDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}
async function exportedText(db: StratumDb): Promise<string> {
  return backupText((await exportBackup(db, new Date('2026-11-23T12:00:00.000Z'))).backup);
}
function mustParse(text: string): Backup {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`${parsed.reason} ${parsed.problems.join(' | ')}`);
  return parsed.backup;
}
type FileRows = Record<string, Record<string, unknown>[]>;
function fileOf(text: string) {
  return JSON.parse(text) as { version: number; tables: FileRows } & Record<string, unknown>;
}
function problemsOf(file: unknown): string[] {
  const parsed = parseBackup(JSON.stringify(file));
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.problems;
}

let source: StratumDb;
beforeEach(async () => {
  source = freshDb();
  await fill(source);
});
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

describe('vectors as base64 of little-endian float32 bytes', () => {
  it('encodes 1.0 as the bytes 00 00 80 3f', () => {
    expect(encodeFloat32(new Float32Array([1]))).toBe('AACAPw==');
    expect(decodeFloat32('AACAPw==')).toEqual(new Float32Array([1]));
  });

  it('round-trips every bit: random bit patterns, -0, subnormals and the extremes', () => {
    const bits = new Uint32Array(4096);
    let x = 0x9e3779b9;
    for (let i = 0; i < bits.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bits[i] = x >>> 0;
    }
    const vector = new Float32Array(bits.buffer);
    // Patterns that are NaN or infinite are not embeddings: replace them with special finite ones.
    const special = [-0, 1.4e-45, -1.17e-38, 3.4028234663852886e38, -3.4028234663852886e38];
    vector.forEach((v, i) => {
      if (!Number.isFinite(v)) vector[i] = special[i % special.length]!;
    });
    vector.set(special, 0);
    const back = decodeFloat32(encodeFloat32(vector));
    if (typeof back === 'string') throw new Error(back);
    expect(new Uint32Array(back.buffer)).toEqual(new Uint32Array(vector.buffer));
    expect(Object.is(back[0], -0)).toBe(true);
  });

  it('refuses text that is not base64, a cut byte count, an empty vector and NaN', () => {
    expect(decodeFloat32('AAC!Pw==')).toMatch(/^not base64/);
    expect(decodeFloat32('AACA')).toBe('3 bytes, not a whole number of 4-byte float32 numbers');
    expect(decodeFloat32('')).toBe('an empty vector');
    expect(decodeFloat32(encodeFloat32(new Float32Array([0.5, NaN])))).toBe(
      'number 2 is NaN, not a finite number',
    );
  });
});

describe('the labs in a version 4 backup', () => {
  it('exports every lab table, vectors as base64', async () => {
    const file = fileOf(await exportedText(source));
    expect(file.version).toBe(4);
    for (const t of LAB_NAMES) expect(file.tables[t], t).toHaveLength(LAB[t].length);
    const v = file.tables.ragVectors![0]!;
    expect(v.vector).toBe(encodeFloat32(LAB.ragVectors[0]!.vector));
    expect(v.vector).toHaveLength(44); // 8 numbers = 32 bytes = 44 base64 characters
  });

  it('round-trips each table into an empty database exactly, vectors bit for bit', async () => {
    const text = await exportedText(source);
    const target = freshDb();
    const plan = await applyImport(target, mustParse(text), 'keep-newer');
    for (const t of LAB_NAMES) expect(plan[t].added, t).toBe(LAB[t].length);
    expect(describePlan(plan)).toBe(
      '2 saved chats added, 1 token-lab experiment added, 2 gallery images added, 1 customization dataset added, 1 evaluation run added, 2 evaluation ratings added, 1 judge run added, 1 trained diffusion model added, 1 knowledge-base index added, 2 index vectors added',
    );
    const [here, there] = [await dump(target), await dump(source)];
    for (const t of LAB_NAMES) expect(here[t], t).toEqual(there[t]);
    const stored = (await target.ragVectors.toArray())[1]!;
    expect(stored.vector).toBeInstanceOf(Float32Array);
    expect(new Uint32Array(stored.vector.buffer)).toEqual(
      new Uint32Array(LAB.ragVectors[1]!.vector.buffer),
    );
    // The copy exports the same file, byte for byte; importing it again changes nothing.
    expect(await exportedText(target)).toBe(text);
    expect(describePlan(await applyImport(target, mustParse(text), 'keep-newer'))).toBe(
      'nothing new',
    );
  });

  it('tells listeners (stores read once per window) after an import is applied', async () => {
    const heard: string[] = [];
    const stop = onBackupImported(() => heard.push('imported'));
    await applyImport(freshDb(), mustParse(await exportedText(source)), 'keep-newer');
    stop();
    await applyImport(freshDb(), mustParse(await exportedText(source)), 'keep-newer');
    expect(heard).toEqual(['imported']);
  });

  it('leaves out ratings of a deleted evaluation run, and says why', async () => {
    await source.evalRatings.put(evalRating('run-gone', 0));
    const { backup, orphans } = await exportBackup(source);
    expect(backup.tables.evalRatings).toHaveLength(2);
    expect(orphans).toEqual([
      {
        table: 'evalRatings',
        key: 'run-gone\u0001rating\u0001item-0\u0001c0',
        problem: 'its evaluation run "run-gone" is not in the backup',
      },
    ]);
  });
});

describe('older files', () => {
  it('a version 3 file (no lab tables) imports and leaves the labs here alone', async () => {
    const file = fileOf(await exportedText(freshDb()));
    for (const t of LAB_NAMES) delete file.tables[t];
    const backup = mustParse(JSON.stringify({ ...file, version: 3 }));
    for (const t of LAB_NAMES) expect(backup.tables[t], t).toEqual([]);
    const before = await dump(source);
    expect(describePlan(await applyImport(source, backup, 'replace'))).toBe('nothing new');
    expect(await dump(source)).toEqual(before);
  });

  it('a version 4 file must have every lab table', async () => {
    const file = fileOf(await exportedText(source));
    delete file.tables.ragVectors;
    expect(problemsOf(file)).toEqual(['tables.ragVectors: missing']);
  });
});

describe('refused lab rows', () => {
  it('a vector that is not base64, cut short or of the wrong length', async () => {
    const file = fileOf(await exportedText(source));
    file.tables.ragVectors![0]!.vector = 'not base64!';
    file.tables.ragVectors![1]!.vector = 'AACA';
    expect(problemsOf(file)).toEqual([
      'ragVectors row 1 ("rag-1 / chunk-0000"): vector: not base64 (the vector is stored as base64 of float32 bytes)',
      'ragVectors row 2 ("rag-1 / chunk-0001"): vector: 3 bytes, not a whole number of 4-byte float32 numbers',
    ]);
    file.tables.ragVectors![0]!.vector = encodeFloat32(new Float32Array(8).fill(0.1));
    file.tables.ragVectors![1]!.vector = encodeFloat32(new Float32Array(4).fill(0.1));
    expect(problemsOf(file)).toEqual([
      'ragVectors row 2 ("rag-1 / chunk-0001"): vector: 4 numbers, but its index "rag-1" holds 8',
    ]);
  });

  it('a judge run, rating or vector whose parent is not in the file', async () => {
    const file = fileOf(await exportedText(source));
    file.tables.evalRuns = [];
    file.tables.ragIndexes = [];
    const problems = problemsOf(file);
    expect(problems).toContain(
      'evalJudgements row 1 ("judge-run-1-0"): its evaluation run "run-1" is not in the backup',
    );
    expect(problems).toContain(
      'ragVectors row 1 ("rag-1 / chunk-0000"): its knowledge-base index "rag-1" is not in the backup',
    );
    expect(problems.filter((p) => p.startsWith('evalRatings row'))).toHaveLength(2);
  });

  it('a trained model whose weights do not fit its architecture', async () => {
    const file = fileOf(await exportedText(source));
    const model = file.tables.diffusionModels![0]!;
    model.weights = (model.weights as string).slice(0, 1000);
    expect(problemsOf(file)).toEqual([
      'diffusionModels row 1 ("dm-1"): weights: cut short or too long for its architecture',
    ]);
  });
});

describe('merging vectors', () => {
  it('vectors take their index’s time: kept with a newer index here, replaced when asked', async () => {
    const text = await exportedText(source);
    const target = freshDb();
    const newerIndex = { ...ragIndex('rag-1'), updatedAt: '2026-12-01T00:00:00.000Z' };
    const otherVector = { ...ragVector('rag-1', 0), vector: new Float32Array(8).fill(0.25) };
    await target.ragIndexes.put(newerIndex);
    await target.ragVectors.put(otherVector);
    const plan = await planImport(target, mustParse(text));
    expect(plan.ragIndexes.newerHere).toEqual(['rag-1']);
    expect(plan.ragVectors).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      newerHere: ['rag-1 / chunk-0000'],
    });
    await applyImport(target, mustParse(text), 'keep-newer');
    expect((await target.ragVectors.get(['rag-1', 'chunk-0000']))!.vector).toEqual(
      otherVector.vector,
    );
    await applyImport(target, mustParse(text), 'replace');
    expect(await target.ragIndexes.get('rag-1')).toEqual(LAB.ragIndexes[0]);
    expect((await target.ragVectors.get(['rag-1', 'chunk-0000']))!.vector).toEqual(
      LAB.ragVectors[0]!.vector,
    );
  });
});
