// Flat ESLint config. Type-aware rules are left out on purpose: `tsc` already type-checks, and lint stays fast.
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
);
