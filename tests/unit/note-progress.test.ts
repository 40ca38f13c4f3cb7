/** Read progress and bookmarks in IndexedDB (Dexie on fake-indexeddb). */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import {
  allProgress,
  markOpened,
  setBookmarked,
  setRead,
} from '../../renderer/src/db/note-progress';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

describe('note progress', () => {
  it('marks a note read and unread, with a timestamp', async () => {
    await setRead('bedrock-pricing', true);
    const row = (await allProgress()).get('bedrock-pricing');
    expect(row).toMatchObject({ read: true, bookmarked: false });
    expect(Date.parse(row!.readAt!)).not.toBeNaN();
    await setRead('bedrock-pricing', false);
    expect((await allProgress()).get('bedrock-pricing')).toMatchObject({
      read: false,
      readAt: null,
    });
  });

  it('keeps read state, bookmarks and last-opened time independent', async () => {
    await setRead('rag-and-knowledge-bases', true);
    await setBookmarked('rag-and-knowledge-bases', true);
    await markOpened('rag-and-knowledge-bases');
    const row = (await allProgress()).get('rag-and-knowledge-bases')!;
    expect(row.read).toBe(true);
    expect(row.bookmarked).toBe(true);
    expect(row.lastOpenedAt).not.toBeNull();
  });

  it('survives reopening the database', async () => {
    await setRead('evaluating-fms', true);
    db.close();
    const again = new StratumDb(db.name);
    setDb(again);
    expect((await allProgress()).get('evaluating-fms')?.read).toBe(true);
    db = again;
  });

  it('skips a row that does not validate, without deleting it', async () => {
    await db.noteProgress.put({ noteId: 'broken', read: 'yes' } as never);
    await setRead('fine', true);
    const all = await allProgress();
    expect([...all.keys()]).toEqual(['fine']);
    expect(await db.noteProgress.get('broken')).toBeDefined();
    // Writing to a broken row repairs it from defaults rather than failing.
    await setBookmarked('broken', true);
    expect((await allProgress()).get('broken')).toMatchObject({ bookmarked: true, read: false });
  });
});
