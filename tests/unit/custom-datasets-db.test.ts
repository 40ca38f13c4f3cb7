/** The customization lab's saved datasets (Dexie on fake-indexeddb): save, list, damaged rows skipped. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StratumDb, setDb } from '../../renderer/src/db/db';
import {
  deleteCustomDataset,
  loadCustomDatasets,
  saveCustomDataset,
} from '../../renderer/src/db/custom-datasets';
import type { CustomDatasetRow } from '../../renderer/src/db/schema';

let n = 0;
let db: StratumDb | null = null;
afterEach(async () => {
  db?.close();
  setDb(null);
});

const row = (id: string, updatedAt: string): CustomDatasetRow => ({
  id,
  name: `Dataset ${id}`,
  model: 'nova-micro',
  method: 'FINE_TUNING',
  jsonl: '{"prompt":"a"}',
  lines: 1,
  validRecords: 0,
  estimatedTokens: 0,
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt,
});

describe('custom datasets', () => {
  it('saves, lists newest first, skips a damaged row and deletes with the row handed back', async () => {
    db = new StratumDb(`stratum-custom-datasets-${n++}`);
    setDb(db);
    await saveCustomDataset(row('a', '2026-12-04T10:00:00.000Z'));
    await saveCustomDataset(row('b', '2026-12-04T11:00:00.000Z'));
    await db.customDatasets.put({ id: 'bad' } as unknown as CustomDatasetRow);
    const load = await loadCustomDatasets();
    expect(load.rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(load.skipped.map((s) => s.id)).toEqual(['bad']);
    await expect(saveCustomDataset({ ...row('c', 'x'), name: ' ' })).rejects.toThrow();
    expect((await deleteCustomDataset('a'))?.name).toBe('Dataset a');
    expect((await loadCustomDatasets()).rows.map((r) => r.id)).toEqual(['b']);
  });
});
