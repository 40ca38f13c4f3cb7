/**
 * An in-memory copy of one IndexedDB table, for screens that read a whole table again and again
 * (Home's dashboard reads every attempt and question each time it opens: about 400 ms for 50,000
 * attempts in headless Chromium here, against a few milliseconds from memory).
 *
 * It stays true to the database through Dexie's `storagemutated` event, which fires for every
 * committed write in this window and in other windows of the same origin: a written key is marked
 * dirty and read again before the next use; a write over a range (a clear, a large bulk write)
 * drops the copy. The event arrives shortly after a commit, so a read made in the same tick as a
 * write may not see it yet: read through a cache only where reads follow the event (a live query,
 * a screen opening), as Home does. `version` rises with every change, for memoised derivations.
 */
import Dexie, { RangeSet, type ObservabilitySet, type Table } from 'dexie';
import { getDb, type StratumDb } from './db';

interface State<T> {
  db: StratumDb;
  rows: Map<string, T>;
  dirty: Set<string>;
  loaded: Promise<void>;
}

const caches: KeyedCache<unknown>[] = [];
let subscribed = false;

function onStorageMutated(parts: ObservabilitySet) {
  for (const c of caches) c.mutated(parts);
}

export class KeyedCache<T> {
  private state: State<T> | null = null;
  private changes = 0;

  constructor(
    private readonly tableName: string,
    private readonly tableOf: (db: StratumDb) => Table<unknown, string>,
    /** The row as the app uses it, or null when it does not validate (it is then left out). */
    private readonly parse: (row: unknown) => T | null,
    private readonly keyOf: (row: T) => string,
  ) {
    caches.push(this as KeyedCache<unknown>);
  }

  /** Rises whenever the copy changes (or is dropped). */
  get version(): number {
    return this.changes;
  }

  /** @internal Called for every storagemutated event. */
  mutated(parts: ObservabilitySet): void {
    const s = this.state;
    const tree = s && parts[`idb://${s.db.name}/${this.tableName}/`];
    if (!s || !tree) return;
    for (const node of RangeSet(tree)) {
      if (typeof node.from === 'string' && node.from === node.to) s.dirty.add(node.from);
      else {
        this.drop();
        return;
      }
    }
    this.changes++;
  }

  drop(): void {
    this.state = null;
    this.changes++;
  }

  /** Every valid row of the current database, by key, read (or brought up to date) first. */
  async rows(): Promise<ReadonlyMap<string, T>> {
    const db = getDb();
    if (!subscribed) {
      Dexie.on('storagemutated', onStorageMutated);
      subscribed = true;
    }
    if (this.state?.db !== db) this.state = this.load(db);
    const s = this.state;
    await s.loaded;
    if (s.dirty.size > 0) {
      const keys = [...s.dirty];
      s.dirty.clear();
      const rows = await this.tableOf(db).bulkGet(keys);
      keys.forEach((key, i) => {
        const row = this.parse(rows[i]);
        if (row) s.rows.set(key, row);
        else s.rows.delete(key);
      });
      this.changes++;
    }
    return s.rows;
  }

  private load(db: StratumDb): State<T> {
    const fresh: State<T> = { db, rows: new Map(), dirty: new Set(), loaded: Promise.resolve() };
    fresh.loaded = this.tableOf(db)
      .toArray()
      .then((rows) => {
        for (const raw of rows) {
          const row = this.parse(raw);
          if (row) fresh.rows.set(this.keyOf(row), row);
        }
        this.changes++;
      });
    fresh.loaded.catch(() => {
      if (this.state === fresh) this.state = null;
    });
    return fresh;
  }
}
