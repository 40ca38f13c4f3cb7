/** IndexedDB schema upgrades keep every row (Dexie on fake-indexeddb). */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StratumDb } from '../../renderer/src/db/db';

describe('the Stratum database', () => {
  it('upgrades a version 1 database to the current one without losing note progress', async () => {
    const name = 'stratum-upgrade-test';
    // What the first release created: only the noteProgress store.
    const v1 = new Dexie(name);
    v1.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    const row = {
      noteId: 'bedrock-pricing',
      read: true,
      readAt: '2026-11-20T10:00:00.000Z',
      bookmarked: true,
      bookmarkedAt: '2026-11-20T10:00:00.000Z',
      lastOpenedAt: '2026-11-21T10:00:00.000Z',
    };
    await v1.table('noteProgress').put(row);
    v1.close();

    const current = new StratumDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(2);
    expect(await current.noteProgress.get('bedrock-pricing')).toEqual(row);
    expect(await current.experiments.count()).toBe(0);
    await current.delete();
  });
});
