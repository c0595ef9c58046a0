import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './store.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store', () => {
  it('keeps committed writes on disk across reopening', () => {
    const dir = tempDir();
    const first = openStore(dir);
    expect(first.isNew).toBe(true);
    first.collection<{ name: string }>('roles').put('a', { name: 'A' });
    first.close();

    const second = openStore(dir);
    expect(second.isNew).toBe(false);
    expect(second.collection<{ name: string }>('roles').get('a')).toEqual({ name: 'A' });
    second.close();
  });

  it('rolls back memory and disk when a transaction throws', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const roles = store.collection<{ v: number }>('roles');
    roles.put('kept', { v: 1 });
    expect(() =>
      store.transaction(() => {
        roles.put('kept', { v: 2 });
        roles.put('new', { v: 3 });
        roles.delete('kept');
        throw new Error('validation failed');
      }),
    ).toThrow('validation failed');
    expect(roles.get('kept')).toEqual({ v: 1 });
    expect(roles.has('new')).toBe(false);
    store.close();

    const reopened = openStore(dir);
    expect(reopened.collection('roles').get('kept')).toEqual({ v: 1 });
    expect(reopened.collection('roles').has('new')).toBe(false);
    reopened.close();
  });

  it('freezes stored values so models cannot change state behind the transaction', () => {
    const store = openStore('memory');
    const roles = store.collection<{ tags: string[] }>('roles');
    roles.put('a', { tags: ['x'] });
    expect(() => (roles.get('a')!.tags as string[]).push('y')).toThrow(TypeError);
  });

  it('joins nested transactions into the outer one', () => {
    const store = openStore('memory');
    const items = store.collection<number>('items');
    expect(() =>
      store.transaction(() => {
        store.transaction(() => items.put('inner', 1));
        throw new Error('outer fails');
      }),
    ).toThrow();
    expect(items.has('inner')).toBe(false);
  });
});
