import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBundle, staticImports } from './bundle.ts';

describe('staticImports', () => {
  it('finds minified static imports and re-exports but not dynamic import()', () => {
    const code =
      'import{a as b,c}from"./vendor-1.js";import"./side-2.js";export*from"../x/y-3.js";const l=()=>import("./lazy-4.js");';
    expect(staticImports(code)).toEqual(['./vendor-1.js', './side-2.js', '../x/y-3.js']);
  });
});

describe('analyzeBundle', () => {
  const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('separates what index.html loads (transitively) from lazy chunks and flags SDK code up front', () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<html><head><script type="module" crossorigin src="/assets/index-A.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/react-B.js"><link rel="stylesheet" crossorigin href="/assets/index-C.css"></head></html>',
    );
    writeFileSync(
      join(dist, 'assets', 'index-A.js'),
      'import{r}from"./react-B.js";import"./shared-D.js";r(()=>import("./Roles-E.js"));',
    );
    writeFileSync(join(dist, 'assets', 'react-B.js'), 'export const r=1;');
    writeFileSync(join(dist, 'assets', 'shared-D.js'), 'const ua="aws-sdk-js";');
    writeFileSync(join(dist, 'assets', 'Roles-E.js'), 'x'.repeat(5000));
    writeFileSync(
      join(dist, 'assets', 'SignInPage-G.js'),
      'import{r}from"./react-B.js";import{c}from"./cognito-H.js";',
    );
    writeFileSync(join(dist, 'assets', 'cognito-H.js'), 'const s="SignatureV4";');
    writeFileSync(join(dist, 'assets', 'index-C.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'assets', 'Roles-F.css'), '.a{color:red}');

    const report = analyzeBundle(dist);
    expect(report.initialJs.map((a) => a.file).sort()).toEqual([
      'assets/index-A.js',
      'assets/react-B.js',
      'assets/shared-D.js',
    ]);
    expect(report.initialCss.map((a) => a.file)).toEqual(['assets/index-C.css']);
    expect(report.lazyJs.map((a) => a.file).sort()).toEqual([
      'assets/Roles-E.js',
      'assets/SignInPage-G.js',
      'assets/cognito-H.js',
    ]);
    expect(report.signInRoute.js.map((a) => a.file).sort()).toEqual(['assets/SignInPage-G.js', 'assets/cognito-H.js']);
    expect(report.signInRoute.sdkMarkers).toEqual([{ file: 'assets/cognito-H.js', markers: ['SignatureV4'] }]);
    expect(report.lazyCss.map((a) => a.file)).toEqual(['assets/Roles-F.css']);
    expect(report.sdkInInitial).toEqual([{ file: 'assets/shared-D.js', markers: ['aws-sdk-js'] }]);
    // 5000 repeated bytes compress to far less than their size.
    const roles = report.lazyJs.find((a) => a.file === 'assets/Roles-E.js')!;
    expect(roles.bytes).toBe(5000);
    expect(roles.gzipBytes).toBeLessThan(100);
    expect(report.initialJsGzipBytes).toBe(report.initialJs.reduce((sum, a) => sum + a.gzipBytes, 0));
  });
});
