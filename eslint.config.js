// Lint: typescript-eslint's recommended rules plus the process boundaries (DESIGN.md):
//   shared/   pure TypeScript: no Node built-ins, no DOM-only or React modules, nothing from electron/ or renderer/
//   renderer/ the DOM: never electron/, never Node built-ins, never the electron module
//   electron/ plain Node: only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Exact names (a pattern such as 'domain' would also match our own ../domain/ folder), plus any node: import.
const builtinPaths = (message) => builtinModules.map((name) => ({ name, message }));
const nodePrefix = ['node:*'];
const noElectron = { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'; put the call behind an interface." };

const shellFiles = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'];

// The element map (docs/decisions/0004-element-map.md): each folder of electron/ is an element, and
// an element may import only what this table names (default: disallow). Every element may import
// shared/; files inside one element import each other freely.
//   element    may import (besides shared/)
const mayImport = {
  shell: ['api', 'transport', 'security', 'resources'], // electron/shell/, main.ts, preload.ts
  api: ['store', 'record', 'bundle', 'quality', 'resources'],
  cli: ['api', 'resources'],
  transport: ['api', 'security', 'resources'],
  launch: ['transport', 'store', 'resources'], // electron/launch.ts, electron/launch/
  store: ['resources'],
  record: ['resources'],
  bundle: ['store', 'record', 'resources'],
  quality: ['store', 'resources'],
  security: [],
  resources: [], // electron/resources.ts: where shipped files are, from source, bundle or asar
};

// Front doors: other elements reach these only through their index.ts (VS Code's no-deep-import rule).
const frontDoors = new Set(['store', 'record']);
// Elements that are files directly in electron/ (boundaries 7 classifies folders, so these are
// named by their path inside the 'electron' folder element).
const rootFiles = { shell: ['main.ts', 'preload.ts'], launch: ['launch.ts'], resources: ['resources.ts'] };
const folderElements = new Set(['shell', 'launch', 'api', 'cli', 'transport', 'store', 'record', 'bundle', 'quality', 'security']);

/** Selectors for element `name`: as an import target (front doors only) or as the importing side. */
function selectors(name, { asTarget = false } = {}) {
  const out = [];
  if (folderElements.has(name)) {
    out.push({ element: { type: name, ...(asTarget && frontDoors.has(name) ? { fileInternalPath: 'index.ts' } : {}) } });
  }
  if (rootFiles[name]) out.push({ element: { type: 'electron', fileInternalPath: rootFiles[name] } });
  return out;
}

const electronPolicies = Object.entries(mayImport).map(([from, targets]) => ({
  from: selectors(from),
  allow: {
    to: [
      { element: { type: 'shared' } },
      ...selectors(from), // its own files, deep imports included
      ...targets.flatMap((t) => selectors(t, { asTarget: true })),
    ],
  },
}));

const policies = [
  { from: { element: { type: 'tooling' } }, allow: { to: { element: { type: '*' } } } },
  { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
  { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'shared'] } } } } },
  ...electronPolicies,
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'playwright-report/**', 'tools/electronegativity/node_modules/**', 'tools/electronegativity/out/**', 'tests/fixtures/lint/**'],
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
        ...[...folderElements].map((type) => ({ type, pattern: `electron/${type}`, partialMatch: false })),
        // The folder itself is an element too (after its children: the closest match wins): it
        // holds main.ts, preload.ts, launch.ts and resources.ts.
        { type: 'electron', pattern: 'electron', partialMatch: false },
        { type: 'shared', pattern: 'shared', partialMatch: false },
        { type: 'renderer', pattern: 'renderer', partialMatch: false },
        { type: 'tooling', pattern: ['tests', 'bench', 'scripts', 'tools'], partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkInternals: true, // so the files directly in electron/ (one folder element) are checked too
          policies,
        },
      ],
    },
  },
  {
    // No import cycles (docs/decisions/0004-element-map.md): a cycle makes load order decide what a
    // module sees at start-up. Type-only imports are erased by TypeScript and not counted; a
    // dynamic import() is counted (it only hides a cycle, it does not remove it).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true, project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Shipped files are found through electron/resources.ts only: once esbuild inlines a module into
    // dist-electron/main.js, "next to this module" is dist-electron/, not its source folder.
    // (createRequire(import.meta.url) stays allowed: that resolves packages, not shipped files.)
    files: ['electron/**/*.ts'],
    ignores: ['electron/resources.ts', 'electron/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "MemberExpression[object.type='MetaProperty'][property.name=/^(dirname|filename)$/]",
          "NewExpression[callee.name='URL'] > MemberExpression.arguments[object.type='MetaProperty']",
          "CallExpression[callee.name='fileURLToPath'] > MemberExpression.arguments[object.type='MetaProperty']",
        ].map((selector) => ({ selector, message: "Find shipped files with resourcePath() from electron/resources.ts, which works from source, the bundle and the asar." })),
      ],
    },
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
