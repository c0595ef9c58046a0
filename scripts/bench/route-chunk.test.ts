import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readManifest, routeCostBeyondShell } from './route-chunk.ts';

const dist = mkdtempSync(join(tmpdir(), 'bench-route-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

it('counts the route chunk and its static imports that neither the entry nor the shell loads, not dynamic ones', () => {
  mkdirSync(join(dist, '.vite'), { recursive: true });
  mkdirSync(join(dist, 'assets'));
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], css: ['assets/index.css'] },
    '_react.js': { file: 'assets/react.js' },
    'src/Shell.tsx': { file: 'assets/Shell.js', imports: ['_react.js', '_table.js'] },
    '_table.js': { file: 'assets/table.js' },
    'src/Wizard.tsx': {
      file: 'assets/Wizard.js',
      imports: ['index.html', '_table.js', '_wizard-parts.js'],
      dynamicImports: ['src/Editor.tsx'],
      css: ['assets/Wizard.css', 'assets/index.css'],
    },
    '_wizard-parts.js': { file: 'assets/wizard-parts.js', imports: ['_react.js'] },
    'src/Editor.tsx': { file: 'assets/Editor.js' },
  };
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const chunk of Object.values(manifest)) writeFileSync(join(dist, chunk.file), 'x'.repeat(100));
  for (const css of ['assets/index.css', 'assets/Wizard.css']) writeFileSync(join(dist, css), '.a{}');

  const cost = routeCostBeyondShell(dist, readManifest(dist)!, 'src/Wizard.tsx', ['src/Shell.tsx']);
  expect(cost.js.map((a) => a.file).sort()).toEqual(['assets/Wizard.js', 'assets/wizard-parts.js']);
  expect(cost.css.map((a) => a.file)).toEqual(['assets/Wizard.css']);
  expect(cost.jsGzipBytes).toBe(cost.js[0]!.gzipBytes + cost.js[1]!.gzipBytes);
});
