/** The diffusion lab's learner-trained models (Dexie on fake-indexeddb): save, list, damaged rows skipped. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StratumDb, setDb } from '../../renderer/src/db/db';
import {
  deleteDiffusionModel,
  loadDiffusionModels,
  saveDiffusionModel,
} from '../../renderer/src/db/diffusion-models';
import type { DiffusionModelRow } from '../../renderer/src/db/schema';
import { parameterCount, type NetConfig } from '../../renderer/src/lib/denoiser-net';
import { encodeWeights } from '../../renderer/src/lib/denoiser-weights';

let n = 0;
let db: StratumDb | null = null;
afterEach(() => {
  db?.close();
  setDb(null);
});

const config: NetConfig = { dim: 12, hidden: 4, blocks: 1, timeDim: 4, classes: 2 };
const count = parameterCount(config);

const row = (id: string, updatedAt: string): DiffusionModelRow => ({
  id,
  name: `Model ${id}`,
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt,
  architecture: { kind: 'residual-mlp', ...config },
  parameters: count,
  weights: encodeWeights(new Float32Array(count).fill(0.5)),
  training: {
    start: 'fresh',
    seed: 1,
    steps: 20,
    batch: 64,
    lossCurve: [1, 0.5],
    lossWindow: 10,
    ms: 1234,
    cancelled: false,
  },
  dataset: { seed: 3, count: 4096 },
});

describe('diffusion models', () => {
  it('saves, lists newest first, skips damaged rows (schema or weights) and deletes', async () => {
    db = new StratumDb(`stratum-diffusion-models-${n++}`);
    setDb(db);
    await saveDiffusionModel(row('a', '2026-12-04T10:00:00.000Z'));
    await saveDiffusionModel(row('b', '2026-12-04T11:00:00.000Z'));
    await db.diffusionModels.put({ id: 'bad' } as unknown as DiffusionModelRow);
    await db.diffusionModels.put({ ...row('short', '2026-12-04T12:00:00.000Z'), weights: 'AAAA' });
    const load = await loadDiffusionModels();
    expect(load.rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(load.skipped.map((s) => s.id)).toEqual(['bad', 'short']);
    expect(load.skipped[1]!.problem).toMatch(/cut short/);
    await expect(saveDiffusionModel({ ...row('c', 'x') })).rejects.toThrow();
    await expect(
      saveDiffusionModel({ ...row('d', '2026-12-04T12:00:00.000Z'), parameters: 5 }),
    ).rejects.toThrow(/not saved/);
    await deleteDiffusionModel('a');
    expect((await loadDiffusionModels()).rows.map((r) => r.id)).toEqual(['b']);
  });
});
