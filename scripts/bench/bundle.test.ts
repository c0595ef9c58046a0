import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherAssets } from './bundle.ts';

describe('otherAssets', () => {
  const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('sizes the built JS and CSS files not loaded first, largest first', () => {
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, 'index.html'), '<html></html>');
    writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
    writeFileSync(join(dist, 'assets', 'index-A.js'), 'export const a=1;');
    writeFileSync(join(dist, 'assets', 'Roles-B.js'), 'x'.repeat(5000));
    writeFileSync(join(dist, 'assets', 'Small-C.js'), 'export const c=3;');
    writeFileSync(join(dist, 'assets', 'Roles-D.css'), '.a{color:red}');
    writeFileSync(join(dist, 'assets', 'font-E.woff2'), 'font');

    const assets = otherAssets(dist, new Set(['assets/index-A.js']));
    expect(assets.js.map((a) => a.file)).toEqual(['assets/Roles-B.js', 'assets/Small-C.js']);
    expect(assets.css.map((a) => a.file)).toEqual(['assets/Roles-D.css']);
    // 5000 repeated bytes compress to far less than their size.
    expect(assets.js[0]!.bytes).toBe(5000);
    expect(assets.js[0]!.gzipBytes).toBeLessThan(100);
  });
});
