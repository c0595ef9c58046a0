import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Local AWS state: named collections of JSON values, held in memory for speed and written through
 * to SQLite (WAL) so that every acknowledged write survives `kill -9`.
 *
 * Values are frozen when stored: a model never edits a value in place, it puts a new one.
 * `transaction` makes a request all-or-nothing: if the callback throws, memory is rolled back and
 * nothing reaches the disk.
 */
export interface Collection<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  values(): IterableIterator<T>;
  entries(): IterableIterator<[string, T]>;
  readonly size: number;
  put(key: string, value: T): void;
  delete(key: string): boolean;
}

export interface Store {
  collection<T>(name: string): Collection<T>;
  /** Runs fn atomically; nested calls join the outer transaction. */
  transaction<R>(fn: () => R): R;
  /** True when the store was created empty (the caller seeds it). */
  readonly isNew: boolean;
  close(): void;
}

type Undo = { collection: string; key: string; previous: unknown; existed: boolean };
type Write = { collection: string; key: string; value: unknown | undefined };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

export function openStore(dataDir: string): Store {
  const db = dataDir === 'memory' ? undefined : openDatabase(dataDir);
  const maps = new Map<string, Map<string, unknown>>();
  let isNew = true;

  if (db) {
    const rows = db.prepare('SELECT collection, key, value FROM entries ORDER BY rowid').all() as {
      collection: string;
      key: string;
      value: string;
    }[];
    for (const row of rows) mapFor(row.collection).set(row.key, deepFreeze(JSON.parse(row.value)));
    isNew = rows.length === 0;
  }
  const upsert = db?.prepare(
    'INSERT INTO entries (collection, key, value) VALUES (?, ?, ?) ON CONFLICT(collection, key) DO UPDATE SET value = excluded.value',
  );
  const remove = db?.prepare('DELETE FROM entries WHERE collection = ? AND key = ?');
  const flush = db?.transaction((writes: Write[]) => {
    for (const w of writes) {
      if (w.value === undefined) remove!.run(w.collection, w.key);
      else upsert!.run(w.collection, w.key, JSON.stringify(w.value));
    }
  });

  let active: { undo: Undo[]; writes: Map<string, Write> } | undefined;

  function mapFor(name: string): Map<string, unknown> {
    let map = maps.get(name);
    if (!map) {
      map = new Map();
      maps.set(name, map);
    }
    return map;
  }

  function transaction<R>(fn: () => R): R {
    if (active) return fn();
    active = { undo: [], writes: new Map() };
    const current = active;
    try {
      const result = fn();
      if (flush && current.writes.size > 0) flush([...current.writes.values()]);
      return result;
    } catch (error) {
      for (const u of current.undo.reverse()) {
        const map = mapFor(u.collection);
        if (u.existed) map.set(u.key, u.previous);
        else map.delete(u.key);
      }
      throw error;
    } finally {
      active = undefined;
    }
  }

  function record(collection: string, key: string, value: unknown | undefined): void {
    const map = mapFor(collection);
    active!.undo.push({ collection, key, previous: map.get(key), existed: map.has(key) });
    active!.writes.set(`${collection}\u0000${key}`, { collection, key, value });
  }

  function collection<T>(name: string): Collection<T> {
    const map = mapFor(name) as Map<string, T>;
    return {
      get: (key) => map.get(key),
      has: (key) => map.has(key),
      values: () => map.values(),
      entries: () => map.entries(),
      get size() {
        return map.size;
      },
      put: (key, value) =>
        transaction(() => {
          record(name, key, value);
          map.set(key, deepFreeze(value));
        }),
      delete: (key) =>
        transaction(() => {
          if (!map.has(key)) return false;
          record(name, key, undefined);
          return map.delete(key);
        }),
    };
  }

  return {
    collection,
    transaction,
    get isNew() {
      return isNew;
    },
    close: () => db?.close(),
  };
}

function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'state.sqlite'));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode loses nothing when the process dies; only a power cut can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS entries (collection TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (collection, key))',
  );
  return db;
}
