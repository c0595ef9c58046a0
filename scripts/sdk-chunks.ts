/**
 * Which built chunks hold AWS SDK code (@aws-sdk/*, @smithy/* modules). vite.config.ts writes the list while it builds,
 * from each chunk's modules; the bench and the end-to-end tests read it to tell SDK chunks among the files a page loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Relative to the build's output folder, next to Vite's manifest. */
export const SDK_CHUNKS_FILE = '.vite/sdk-chunks.json';

/** The chunks holding SDK code, as output-relative paths ("assets/cognito-AbC.js"). */
export function readSdkChunks(distDir: string): Set<string> {
  const files = JSON.parse(readFileSync(join(distDir, SDK_CHUNKS_FILE), 'utf8')) as unknown;
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === 'string')) {
    throw new Error(`${SDK_CHUNKS_FILE} lists no SDK chunks: rebuild the console`);
  }
  return new Set(files);
}

/** The output-relative path a URL of the console names ("http://127.0.0.1:3000/assets/a.js" → "assets/a.js"). */
export function builtFileOf(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}
