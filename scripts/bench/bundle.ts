/**
 * Sizes of the console build's JS and CSS files (gzip -9). What the sign-in page loads first is measured in the
 * browser (first-load.ts); this lists every other file, each loaded only when a page needs it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function sizeOf(distDir: string, file: string): AssetSize {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
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

/** The built JS and CSS files other than `except`, largest (gzip) first. */
export function otherAssets(distDir: string, except: ReadonlySet<string>): { js: AssetSize[]; css: AssetSize[] } {
  const files = listFiles(distDir).filter((file) => !except.has(file));
  const bySize = (a: AssetSize, b: AssetSize): number => b.gzipBytes - a.gzipBytes;
  const sized = (pattern: RegExp) =>
    files
      .filter((file) => pattern.test(file))
      .map((file) => sizeOf(distDir, file))
      .sort(bySize);
  return { js: sized(/\.m?js$/), css: sized(/\.css$/) };
}
