import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
// The cycle fixtures are ignored by the project's lint (they are a deliberate cycle); lint them anyway.
const eslintAll = new ESLint({ cwd: root, ignore: false });

const structuralRules = new Set(['boundaries/dependencies', 'no-restricted-imports', 'no-restricted-syntax', 'import-x/no-cycle']);

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && structuralRules.has(m.ruleId)).map((m) => m.ruleId ?? '');
}

// Each deliberate violation must be caught, or the boundary exists only on paper.
describe('process boundaries (ESLint)', () => {
  it.each([
    ['electron/api/zz.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/store/zz.ts', "import { createMainWindow } from '../shell/window'; export const a = createMainWindow;"],
    ['shared/zz.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['shared/zz.ts', "import path from 'path'; export const a = path;"],
    ['shared/zz.ts', "import { useState } from 'react'; export const a = useState;"],
    ['shared/zz.ts', "import { dispatch } from '../electron/api/dispatch'; export const a = dispatch;"],
    ['renderer/src/zz.ts', "import { handlers } from '../../electron/api/handlers'; export const a = handlers;"],
    ['renderer/src/zz.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['renderer/src/zz.ts', "import fs from 'node:fs'; export const a = fs;"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await problems(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/shell/zz.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/main.ts', "import { app } from 'electron'; import { createMainWindow } from './shell/window'; export const a = [app, createMainWindow];"],
    ['electron/store/zz.ts', "import { readFileSync } from 'node:fs'; import { contract } from '../../shared/contract'; export const a = [readFileSync, contract];"],
    ['renderer/src/zz.ts', "import { contract } from '../../shared/contract'; export const a = contract;"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

// The element map (docs/decisions/0004-element-map.md): who may import whom inside electron/.
describe('element map and front doors (ESLint)', () => {
  it.each([
    // deep imports past a front door
    ['electron/api/zz.ts', "import { openDatabase } from '../store/db'; export const a = openDatabase;", 'boundaries/dependencies'],
    ['electron/api/zz.ts', "import { signRecord } from '../record/sign'; export const a = signRecord;", 'boundaries/dependencies'],
    ['electron/bundle/zz.ts', "import type { Store } from '../store/store'; export type A = Store;", 'boundaries/dependencies'],
    ['electron/quality/zz.ts', "import { Assessments } from '../store/assessments'; export const a = Assessments;", 'boundaries/dependencies'],
    // the CLI and the transports ask the api, never the parts behind it
    ['electron/cli/zz.ts', "import { openStore } from '../store/index'; export const a = openStore;", 'boundaries/dependencies'],
    ['electron/cli/commands/zz.ts', "import { verifyRecord } from '../../record/index'; export const a = verifyRecord;", 'boundaries/dependencies'],
    ['electron/cli/commands/zz.ts', "import { exportBundle } from '../../bundle/transfer'; export const a = exportBundle;", 'boundaries/dependencies'],
    ['electron/transport/zz.ts', "import { openStore } from '../store/index'; export const a = openStore;", 'boundaries/dependencies'],
    ['electron/shell/zz.ts', "import { openStore } from '../store/index'; export const a = openStore;", 'boundaries/dependencies'],
    // the parts behind the api do not reach up or sideways
    ['electron/store/zz.ts', "import { dispatch } from '../api/dispatch'; export const a = dispatch;", 'boundaries/dependencies'],
    ['electron/record/zz.ts', "import { openStore } from '../store/index'; export const a = openStore;", 'boundaries/dependencies'],
    ['electron/record/zz.ts', "import { exportBundle } from '../bundle/transfer'; export const a = exportBundle;", 'boundaries/dependencies'],
    ['electron/quality/zz.ts', "import { verifyRecord } from '../record/index'; export const a = verifyRecord;", 'boundaries/dependencies'],
    ['electron/security/zz.ts', "import { dispatch } from '../api/dispatch'; export const a = dispatch;", 'boundaries/dependencies'],
    ['electron/api/zz.ts', "import { startLoopbackServer } from '../transport/loopback'; export const a = startLoopbackServer;", 'boundaries/dependencies'],
    ['electron/resources.ts', "import { openStore } from './store/index'; export const a = openStore;", 'boundaries/dependencies'],
    // shipped files only through electron/resources.ts
    ['electron/store/zz.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync(new URL('./list.txt', import.meta.url));", 'no-restricted-syntax'],
    ['electron/record/zz.ts', "import path from 'node:path'; export const a = path.join(import.meta.dirname, 'fonts');", 'no-restricted-syntax'],
  ])('%s: %s is refused (%s)', async (file, code, rule) => {
    expect(await problems(file, code)).toContain(rule);
  });

  it.each([
    ['electron/api/zz.ts', "import { openStore } from '../store/index'; import { verifyRecord } from '../record/index'; export const a = [openStore, verifyRecord];"],
    ['electron/api/zz.ts', "import { exportBundle } from '../bundle/transfer'; import { outcomeRow } from '../quality/outcomes'; export const a = [exportBundle, outcomeRow];"],
    ['electron/bundle/zz.ts', "import type { Store } from '../store/index'; import { verifyRecord } from '../record/index'; export const a = verifyRecord; export type A = Store;"],
    ['electron/quality/zz.ts', "import { isLocked } from '../store/index'; export const a = isLocked;"],
    ['electron/cli/zz.ts', "import { dispatch } from '../api/dispatch'; import { contract } from '../../shared/contract'; export const a = [dispatch, contract];"],
    ['electron/transport/zz.ts', "import { dispatch } from '../api/dispatch'; import { SECURITY_HEADERS } from '../security/headers'; export const a = [dispatch, SECURITY_HEADERS];"],
    ['electron/shell/zz.ts', "import { dispatch } from '../api/dispatch'; export const a = dispatch;"],
    ['electron/launch.ts', "import { startLoopbackServer } from './transport/loopback'; import { defaultDataDir } from './store/index'; export const a = [startLoopbackServer, defaultDataDir];"],
    // inside an element, deep imports are the point
    ['electron/store/zz.ts', "import { openDatabase } from './db'; import { resourcePath } from '../resources'; export const a = [openDatabase, resourcePath];"],
    ['electron/record/zz.ts', "import { signRecord } from './sign'; import { resourcePath } from '../resources'; export const a = [signRecord, resourcePath];"],
    // tests reach anything
    ['tests/unit/zz.test.ts', "import { openDatabase } from '../../electron/store/db'; export const a = openDatabase;"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('import cycles (ESLint)', () => {
  it('a cycle fails the lint, on both of its files', async () => {
    const results = await eslintAll.lintFiles(['tests/fixtures/lint/cycle-a.ts', 'tests/fixtures/lint/cycle-b.ts']);
    for (const result of results) {
      expect(result.messages.map((m) => m.ruleId), result.filePath).toContain('import-x/no-cycle');
    }
    expect(results).toHaveLength(2);
  });

  it('a dynamic import() does not hide a cycle', async () => {
    const code = "export const a = async () => (await import('./cycle-a')).a;";
    const [result] = await eslintAll.lintText(code, { filePath: path.join(root, 'tests/fixtures/lint/cycle-b.ts') });
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
