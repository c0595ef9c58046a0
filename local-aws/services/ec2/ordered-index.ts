import type { Collection } from '../../store/store.ts';

export interface IndexEntry {
  key: string;
  id: string;
}

/**
 * The ids of one collection sorted by a stable key, kept in memory for paging.
 *
 * The store can roll a request back behind the index's back, so before each use the index checks
 * that it holds exactly the collection's ids (cheap next to a page) and rebuilds itself otherwise.
 */
export class OrderedIndex<T> {
  private entries: IndexEntry[] = [];
  private positions = new Map<string, string>();

  constructor(
    private readonly collection: Collection<T>,
    private readonly keyOf: (value: T) => string,
  ) {
    this.rebuild();
  }

  keys(): readonly IndexEntry[] {
    if (!this.isInSync()) this.rebuild();
    return this.entries;
  }

  /** Position of the first entry whose key sorts after `key`. */
  positionAfter(key: string): number {
    const entries = this.keys();
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (entries[middle]!.key <= key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(id: string, key: string): void {
    const previous = this.positions.get(id);
    if (previous === key) return;
    if (previous !== undefined) this.remove(id);
    this.positions.set(id, key);
    // New instances almost always sort last (keys start with the launch time).
    const last = this.entries[this.entries.length - 1];
    if (!last || last.key < key) {
      this.entries.push({ key, id });
      return;
    }
    const at = this.positionAfterRaw(key);
    this.entries.splice(at, 0, { key, id });
  }

  remove(id: string): void {
    const key = this.positions.get(id);
    if (key === undefined) return;
    this.positions.delete(id);
    const at = this.positionAfterRaw(key) - 1;
    if (at >= 0 && this.entries[at]!.id === id) this.entries.splice(at, 1);
    else this.entries = this.entries.filter((entry) => entry.id !== id);
  }

  private positionAfterRaw(key: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle]!.key <= key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private isInSync(): boolean {
    if (this.entries.length !== this.collection.size) return false;
    for (const entry of this.entries) if (!this.collection.has(entry.id)) return false;
    return true;
  }

  private rebuild(): void {
    this.entries = [];
    this.positions = new Map();
    for (const [id, value] of this.collection.entries()) {
      const key = this.keyOf(value);
      this.entries.push({ key, id });
      this.positions.set(id, key);
    }
    this.entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
