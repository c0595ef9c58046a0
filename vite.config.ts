import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { SDK_CHUNKS_FILE } from './scripts/sdk-chunks.ts';

/**
 * Cloudscape's global styles inline their fonts as base64 (about 140 KB gzip of CSS). Emitting them as
 * separate .woff2 files keeps the CSS small and lets the browser fetch only the faces a page uses.
 */
function extractInlineFonts(): Plugin {
  const fontUrl = /url\((['"]?)data:font\/(woff2?|ttf|otf);base64,([A-Za-z0-9+/=]+)\1\)/g;
  return {
    name: 'iam-role-console:extract-inline-fonts',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emitted = new Map<string, string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        if (!css.includes('data:font/')) continue;
        file.source = css.replace(fontUrl, (_match, _quote: string, format: string, base64: string) => {
          const bytes = Buffer.from(base64, 'base64');
          const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
          let fileName = emitted.get(hash);
          if (!fileName) {
            fileName = `assets/font-${hash}.${format}`;
            this.emitFile({ type: 'asset', fileName, source: bytes });
            emitted.set(hash, fileName);
          }
          // CSS files are emitted into assets/ too, so the font is a sibling.
          return `url(./${fileName.slice('assets/'.length)})`;
        });
      }
    },
  };
}

/**
 * The SDK parses XML replies (IAM, EC2) with the browser's DOMParser plus a DOM-to-object walk in browser builds, and
 * with its own string parser (same output) in Node. On a 1,000-instance DescribeInstances page (2.8 MB) the string
 * parser takes about 0.1 s where the DOM route takes about 0.6 s of the main thread, so the build uses it too.
 */
function sdkStringXmlParser(): Plugin {
  const xmlBuilderEntry = createRequire(import.meta.url).resolve('@aws-sdk/xml-builder');
  const stringParser = join(dirname(xmlBuilderEntry), '..', 'dist-es', 'xml-parser.js');
  return {
    name: 'iam-role-console:sdk-string-xml-parser',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('/@aws-sdk/xml-builder/') && /^\.\/xml-parser(\.browser)?(\.js)?$/.test(source)) return stringParser;
      return null;
    },
  };
}

/** What the sign-in page may cost on first load (gzip -9), and the rule that it holds no AWS SDK code. */
const SIGN_IN_BUDGET = { jsBytes: 150_000, cssBytes: 120_000 };
const SDK_MODULE = /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/]/;

/**
 * Fails the build when the sign-in page's first load (the entry chunk and its static imports, which hold the sign-in
 * page, and the CSS they pull in) exceeds the budget or contains @aws-sdk / @smithy modules. Lists every chunk with
 * SDK modules in SDK_CHUNKS_FILE. `npm run bench` measures the same first load in Chromium.
 */
function signInBudget(): Plugin {
  return {
    name: 'iam-role-console:sign-in-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
      const sdkChunks = chunks.filter((chunk) => chunk.moduleIds.some((id) => SDK_MODULE.test(id))).map((chunk) => chunk.fileName);
      this.emitFile({ type: 'asset', fileName: SDK_CHUNKS_FILE, source: `${JSON.stringify(sdkChunks.sort(), null, 2)}\n` });
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const pending = [entry.fileName];
      while (pending.length) {
        const fileName = pending.pop()!;
        if (seen.has(fileName)) continue;
        seen.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') pending.push(...chunk.imports);
      }
      let jsBytes = 0;
      const cssFiles = new Set<string>();
      for (const fileName of seen) {
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') continue;
        jsBytes += gzipSync(chunk.code, { level: 9 }).length;
        for (const css of chunk.viteMetadata?.importedCss ?? []) cssFiles.add(css);
      }
      let cssBytes = 0;
      for (const fileName of cssFiles) {
        const css = bundle[fileName];
        if (css?.type === 'asset') cssBytes += gzipSync(css.source, { level: 9 }).length;
      }
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      console.log(`\nSign-in page first load (gzip -9): JS ${kb(jsBytes)} in ${seen.size} chunks, CSS ${kb(cssBytes)} in ${cssFiles.size} files`);
      const sdkUpFront = [...seen].filter((fileName) => sdkChunks.includes(fileName));
      if (sdkUpFront.length) this.error(`The sign-in page's first load contains AWS SDK code: ${sdkUpFront.join(', ')}`);
      if (jsBytes > SIGN_IN_BUDGET.jsBytes) this.error(`Sign-in page JS is ${kb(jsBytes)}, over the ${kb(SIGN_IN_BUDGET.jsBytes)} budget`);
      if (cssBytes > SIGN_IN_BUDGET.cssBytes) this.error(`Sign-in page CSS is ${kb(cssBytes)}, over the ${kb(SIGN_IN_BUDGET.cssBytes)} budget`);
    },
  };
}

/**
 * `npm run dev` has no static server to write config.json, so serve the local-AWS default unless
 * public/config.json exists (Vite serves public/ files before this middleware runs).
 */
function devRuntimeConfig(): Plugin {
  return {
    name: 'iam-role-console:dev-runtime-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/config.json', (_request, response) => {
        const endpoint = process.env.LOCAL_AWS_URL ?? `http://127.0.0.1:${process.env.LOCAL_AWS_PORT ?? '4566'}`;
        response.setHeader('content-type', 'application/json');
        response.setHeader('cache-control', 'no-store');
        response.end(JSON.stringify({ mode: 'local', localAwsEndpoint: endpoint }));
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), sdkStringXmlParser(), extractInlineFonts(), signInBudget(), devRuntimeConfig()],
  build: {
    target: 'es2022',
    // Source maps (9.8 MB) only on request: `npm start` would otherwise serve them to every browser.
    sourcemap: process.env.CONSOLE_SOURCEMAPS === '1',
    manifest: true,
    // The SDK clients make the page chunks large on purpose; the sign-in chunk is checked separately.
    chunkSizeWarningLimit: 900,
  },
  server: { port: 5173, strictPort: false },
});
