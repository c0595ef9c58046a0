// Flat ESLint config. Type-aware rules are left out on purpose: `tsc` already type-checks, and lint stays fast.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const typeScriptFiles = ['**/*.{ts,tsx,mts,cts}'];

/** Globals of plain-JavaScript Node files (TypeScript files get theirs from tsc, so no-undef is off there). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    'performance',
  ].map((name) => [name, 'readonly']),
);

/**
 * Import zones: which way the arrows point (docs/console-layers.md, docs/local-aws-layers.md). A zone forbids relative
 * imports that climb out of its folder into the named folders. A file in several zones gets the last zone's rule, so
 * each zone lists all.
 */
const forbid = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const zone = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const NO_CONSOLE = forbid(['src'], 'Local AWS shares no code with the console (src/).');
const NO_LOCAL_AWS = forbid(['local-aws'], 'The console shares no code with local AWS: it talks to it over HTTP.');
const NO_APP = forbid(['app'], 'Only main.tsx imports app/ (the shell, routes and providers): nothing below it does.');
const FEATURES = readdirSync(new URL('./src/features/', import.meta.url));
const IMPORT_ZONES = [
  zone(['src/**'], NO_LOCAL_AWS),
  ...FEATURES.map((feature) =>
    zone(
      [`src/features/${feature}/**`],
      NO_LOCAL_AWS,
      NO_APP,
      forbid(
        ['features', ...FEATURES.filter((other) => other !== feature)],
        'A feature never imports another feature: move what two features need down into a shared layer.',
      ),
    ),
  ),
  zone(
    ['src/components/**', 'src/session/**', 'src/iam-policies/**'],
    NO_LOCAL_AWS,
    NO_APP,
    forbid(['features'], 'Shared layers serve the features and never import one.'),
  ),
  zone(
    ['src/aws/**', 'src/config/**', 'src/validation/**'],
    NO_LOCAL_AWS,
    NO_APP,
    forbid(
      ['features', 'components', 'session', 'iam-policies'],
      "The console's ground (aws/, config/, validation/) imports nothing above it.",
    ),
  ),
  zone(
    ['src/iac/**'],
    NO_LOCAL_AWS,
    forbid(
      ['app', 'features', 'components', 'session', 'iam-policies', 'aws', 'config', 'validation'],
      'iac/ writes templates from plain data and imports nothing else in src/.',
    ),
  ),
  zone(['local-aws/**'], NO_CONSOLE),
  zone(
    ['local-aws/services/**', 'local-aws/seed/**'],
    NO_CONSOLE,
    forbid(['server'], 'server/ composes the services and calls the seed; neither imports it.'),
  ),
  zone(
    ['local-aws/protocols/**', 'local-aws/iam-policy/**', 'local-aws/store/**', 'local-aws/identity/**'],
    NO_CONSOLE,
    forbid(['services', 'server', 'seed'], 'The ground (protocols, iam-policy, store, identity) imports nothing above it.'),
  ),
  zone(['aws-rules/**'], forbid(['src', 'local-aws'], "aws-rules/ is AWS's documented rules as plain data, below both programs.")),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local-aws/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  ...tseslint.configs.strict.map((config) => ({ ...config, files: config.files ?? typeScriptFiles })),
  {
    files: typeScriptFiles,
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The team uses `!` where an invariant guarantees a value (Map lookups after has(), regex groups); strict tsc
      // still checks everything else, so the assertion is allowed.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Same convention as tsc's noUnusedParameters: a leading underscore marks an intentionally unused name.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  ...IMPORT_ZONES,
);
