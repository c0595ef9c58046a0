import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from './console-build.ts';

const roots: string[] = [];

/** A checkout whose "vite build" is `script`: a stand-in that prints and exits as real builds do. */
function checkoutWithFakeVite(script: string): string {
  const root = mkdtempSync(join(tmpdir(), 'console-build-'));
  roots.push(root);
  mkdirSync(join(root, 'node_modules', 'vite', 'bin'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'vite', 'bin', 'vite.js'), script);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('ensureConsoleBuilt', () => {
  it('says why it builds, then one summary line instead of the chunk list', async () => {
    const root = checkoutWithFakeVite("for (let i = 0; i < 150; i++) console.log('dist/assets/chunk-' + i + '.js  1 kB');");
    const logged: string[] = [];
    await ensureConsoleBuilt((message) => logged.push(message), root);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toBe('Building the console with Vite (dist/ has no build yet)…');
    expect(logged[1]).toMatch(/^Built the console into dist\/ in \d+\.\d s\.$/);
  });

  it("passes Vite's warnings on", async () => {
    const root = checkoutWithFakeVite("console.log('chunk list'); console.warn('(!) Some chunks are larger than 900 kB');");
    const logged: string[] = [];
    await ensureConsoleBuilt((message) => logged.push(message), root);
    expect(logged).toContain('(!) Some chunks are larger than 900 kB');
  });

  it('fails with everything Vite printed, so the error is visible', async () => {
    const root = checkoutWithFakeVite("console.log('transforming...'); console.error('src/main.tsx: Unexpected token'); process.exit(1);");
    await expect(ensureConsoleBuilt(() => undefined, root)).rejects.toThrow(/exited with 1:\ntransforming\.\.\.\nsrc\/main\.tsx: Unexpected token/);
  });
});
