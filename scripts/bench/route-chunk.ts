/**
 * What a lazy route costs beyond the shell, from Vite's build manifest (dist/.vite/manifest.json, `build.manifest`):
 * the route's chunk and the chunks it imports statically, minus those the entry and the shell already loaded.
 * Dynamic imports (e.g. the JSON editor) are left out: they load only when needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sizeOf, type AssetSize } from './bundle.ts';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

export interface RouteCost {
  route: string;
  /** Manifest keys counted as already loaded: the entry, the shell, and what they import statically. */
  shell: string[];
  js: AssetSize[];
  jsGzipBytes: number;
  css: AssetSize[];
  cssGzipBytes: number;
}

export function readManifest(distDir: string): ViteManifest | undefined {
  const path = join(distDir, '.vite', 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ViteManifest) : undefined;
}

/** Manifest keys reachable from `start` by static imports. */
function closure(manifest: ViteManifest, start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    queue.push(...(manifest[key].imports ?? []));
  }
  return seen;
}

/**
 * `route` and `shellRoutes` are source paths as the manifest keys them (e.g. src/app/shell/ConsoleShell.tsx); the
 * entry chunk(s) always count as shell.
 */
export function routeCostBeyondShell(
  distDir: string,
  manifest: ViteManifest,
  route: string,
  shellRoutes: string[],
): RouteCost {
  if (!manifest[route]) throw new Error(`${route} is not in the Vite manifest`);
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const shell = closure(manifest, [...entries, ...shellRoutes.filter((key) => manifest[key])]);
  const routeKeys = [...closure(manifest, [route])].filter((key) => !shell.has(key));
  const shellCss = new Set([...shell].flatMap((key) => manifest[key]!.css ?? []));
  const bySize = (a: AssetSize, b: AssetSize): number => b.gzipBytes - a.gzipBytes;
  const js = routeKeys.map((key) => sizeOf(distDir, manifest[key]!.file)).sort(bySize);
  const css = [...new Set(routeKeys.flatMap((key) => manifest[key]!.css ?? []))]
    .filter((file) => !shellCss.has(file))
    .map((file) => sizeOf(distDir, file))
    .sort(bySize);
  return {
    route,
    shell: [...shell].sort(),
    js,
    jsGzipBytes: js.reduce((sum, a) => sum + a.gzipBytes, 0),
    css,
    cssGzipBytes: css.reduce((sum, a) => sum + a.gzipBytes, 0),
  };
}
