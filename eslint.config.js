// Lint: typescript-eslint's recommended rules plus the process boundaries (DESIGN.md):
//   shared/   pure TypeScript: no Node built-ins, no DOM-only or React modules, nothing from electron/ or renderer/
//   renderer/ the DOM: never electron/, never Node built-ins, never the electron module
//   electron/ plain Node: only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Exact names (a pattern such as 'domain' would also match our own ../domain/ folder), plus any node: import.
const builtinPaths = (message) => builtinModules.map((name) => ({ name, message }));
const nodePrefix = ['node:*'];
const noElectron = { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'; put the call behind an interface." };

const shellFiles = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'];

const policies = [
            {
              from: { element: { type: 'shared' } },
              disallow: { to: { element: { types: { anyOf: ['shell', 'node', 'renderer', 'tooling'] } } } },
              message: 'shared/ is pure TypeScript used by both processes: it may not import electron/, renderer/ or tests.',
            },
            {
              from: { element: { type: 'renderer' } },
              disallow: { to: { element: { types: { anyOf: ['shell', 'node', 'tooling'] } } } },
              message: 'renderer/ reaches the main side only through the contract client, never by importing electron/.',
            },
            {
              from: { element: { type: 'node' } },
              disallow: { to: { element: { types: { anyOf: ['shell', 'renderer', 'tooling'] } } } },
              message: 'electron/ (plain Node) may not import the Electron shell, the renderer or test code.',
            },
];

// main.ts and preload.ts are the shell's entry files: they may import electron/shell/.
const entryPolicies = policies.filter((p) => !p.message.startsWith('electron/ (plain Node)'));


export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'playwright-report/**', 'tools/electronegativity/node_modules/**', 'tools/electronegativity/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Benchmarks and scripts print their figures; tests may print measured figures (precision, recall).
    files: ['bench/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'boundaries/include': ['electron/**', 'shared/**', 'renderer/**', 'tests/**', 'bench/**', 'scripts/**', 'tools/**'],
      'boundaries/elements': [
        { type: 'shell', pattern: 'electron/shell/**', partialMatch: false },
        { type: 'node', pattern: 'electron/**', partialMatch: false },
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
        { type: 'tooling', pattern: ['tests/**', 'bench/**', 'scripts/**', 'tools/**'], partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies,
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'boundaries/dependencies': ['error', { default: 'allow', policies: entryPolicies }] },
  },
  // Modules, matched by name: boundaries classifies folders, these rules name the forbidden packages.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: [...shellFiles, 'shared/**', 'renderer/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...['react', 'react-dom', 'zustand'].map((name) => ({ name, message: 'shared/ is pure TypeScript: no React or zustand.' })),
            ...builtinPaths('shared/ runs in the renderer too: no Node built-ins.'),
          ],
          patterns: [{ group: nodePrefix, message: 'shared/ runs in the renderer too: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...builtinPaths('renderer/ is sandboxed: no Node built-ins.')],
          patterns: [{ group: nodePrefix, message: 'renderer/ is sandboxed: no Node built-ins.' }],
        },
      ],
    },
  },
);
