/** Sizes of the console build as a browser loads it: what index.html pulls in up front, and each lazy chunk. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  initialJs: AssetSize[];
  initialCss: AssetSize[];
  initialJsGzipBytes: number;
  initialCssGzipBytes: number;
  lazyJs: AssetSize[];
  lazyCss: AssetSize[];
  /** SDK markers found in the initial chunks, by file: the SDK belongs in lazy chunks, after sign-in. */
  sdkInInitial: { file: string; markers: string[] }[];
  /**
   * The lazy chunk of the sign-in route (a file named SignInPage-*.js) and what it imports statically beyond the
   * initial chunks: what the sign-in page really downloads before it can be used. Empty if there is no such chunk.
   */
  signInRoute: { js: AssetSize[]; gzipBytes: number; sdkMarkers: { file: string; markers: string[] }[] };
}

/** Strings only AWS SDK v3 code carries: its user-agent prefix, the SigV4 algorithm name and signer class. */
export const SDK_MARKERS = ['aws-sdk-js', 'AWS4-HMAC-SHA256', 'SignatureV4'];

function sizeOf(distDir: string, file: string): AssetSize {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function attributeValues(html: string, tag: RegExp, attribute: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(tag)) {
    const value = new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`).exec(match[0])?.[1];
    if (value) values.push(value);
  }
  return values;
}

/** dist-relative path of a URL in index.html ("/assets/a.js" or "./assets/a.js"); undefined for other origins. */
function distPath(url: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  return posix.normalize(url.replace(/^\.?\//, ''));
}

/** Chunks a JS chunk imports statically (`import{a}from"./b.js"`, `import"./c.js"`); dynamic import() is lazy. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
    found.push(match[1]!);
  for (const match of code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g))
    found.push(match[1]!);
  return found;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, path));
    else out.push(path);
  }
  return out;
}

export function analyzeBundle(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entryScripts = attributeValues(html, /<script\b[^>]*type\s*=\s*["']module["'][^>]*>/gi, 'src');
  const preloads = attributeValues(html, /<link\b[^>]*rel\s*=\s*["']modulepreload["'][^>]*>/gi, 'href');
  const stylesheets = attributeValues(html, /<link\b[^>]*rel\s*=\s*["']stylesheet["'][^>]*>/gi, 'href');

  // The browser fetches the entry, the preloads and, transitively, whatever they import statically.
  const initialJs = new Set<string>();
  const queue = [...entryScripts, ...preloads].map(distPath).filter((p): p is string => p !== undefined);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (initialJs.has(file)) continue;
    initialJs.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const specifier of staticImports(code))
      queue.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  const initialCss = new Set(stylesheets.map(distPath).filter((p): p is string => p !== undefined));

  const all = listFiles(distDir);
  const initialJsSizes = [...initialJs].map((file) => sizeOf(distDir, file));
  const initialCssSizes = [...initialCss].map((file) => sizeOf(distDir, file));
  const sdkInInitial = sdkMarkersIn(distDir, initialJs);
  const bySize = (a: AssetSize, b: AssetSize): number => b.gzipBytes - a.gzipBytes;
  const signInChunks = all.filter((f) => /(^|\/)SignInPage-[^/]*\.m?js$/.test(f));
  const signInJs = [...staticClosure(distDir, signInChunks, initialJs)]
    .map((file) => sizeOf(distDir, file))
    .sort(bySize);
  return {
    initialJs: initialJsSizes.sort(bySize),
    initialCss: initialCssSizes.sort(bySize),
    initialJsGzipBytes: initialJsSizes.reduce((sum, a) => sum + a.gzipBytes, 0),
    initialCssGzipBytes: initialCssSizes.reduce((sum, a) => sum + a.gzipBytes, 0),
    lazyJs: all
      .filter((f) => /\.m?js$/.test(f) && !initialJs.has(f))
      .map((f) => sizeOf(distDir, f))
      .sort(bySize),
    lazyCss: all
      .filter((f) => f.endsWith('.css') && !initialCss.has(f))
      .map((f) => sizeOf(distDir, f))
      .sort(bySize),
    sdkInInitial,
    signInRoute: {
      js: signInJs,
      gzipBytes: signInJs.reduce((sum, a) => sum + a.gzipBytes, 0),
      sdkMarkers: sdkMarkersIn(
        distDir,
        signInJs.map((a) => a.file),
      ),
    },
  };
}

/** The files reachable from `start` by static imports, leaving out those already in `known`. */
function staticClosure(distDir: string, start: string[], known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.has(file) || known.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const specifier of staticImports(code))
      queue.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  return found;
}

function sdkMarkersIn(distDir: string, files: Iterable<string>): { file: string; markers: string[] }[] {
  return [...files]
    .map((file) => {
      const code = readFileSync(join(distDir, file), 'utf8');
      return { file, markers: SDK_MARKERS.filter((marker) => code.includes(marker)) };
    })
    .filter((entry) => entry.markers.length > 0);
}
