import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports').map((m) => m.ruleId ?? '');
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
