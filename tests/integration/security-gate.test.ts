import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../tools/electronegativity/gate';

describe('electronegativity gate', () => {
  const bad = mkdtempSync(path.join(os.tmpdir(), 'carefile-bad-app-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('passes the app as it is', () => {
    const { failed } = runGate();
    expect(failed).toEqual([]);
  });

  it('fails a window that turns off the sandbox and isolation', () => {
    mkdirSync(path.join(bad, 'electron'), { recursive: true });
    writeFileSync(
      path.join(bad, 'electron', 'main.js'),
      `const { BrowserWindow } = require('electron');
       const win = new BrowserWindow({ webPreferences: { sandbox: false, nodeIntegration: true, contextIsolation: false } });
       win.loadURL('https://example.org/');`,
    );
    const { failed } = runGate(bad);
    const checks = failed.map((f) => f.check);
    expect(checks).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
  });
});
