/**
 * Production hardening of the Electron shell, checked here because the Electron binary cannot run
 * in the test environment: the window's webPreferences (DevTools off when packaged) and the fuses
 * electron-builder flips in the packaged binary. The electronegativity gate
 * (tests/integration/security-gate.test.ts) covers the rest of the window's settings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

// Electron itself stands in: only what createMainWindow passes to it is under test.
const electron = vi.hoisted(() => ({ isPackaged: false, options: [] as Array<{ webPreferences: Record<string, unknown> }> }));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.isPackaged;
    },
  },
  BrowserWindow: class {
    constructor(options: { webPreferences: Record<string, unknown> }) {
      electron.options.push(options);
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  },
  protocol: {},
}));

const { createMainWindow } = await import('../../electron/shell/window');

describe('Electron shell hardening', () => {
  it('turns DevTools off in the packaged app, and keeps the sandbox and isolation on', () => {
    electron.isPackaged = true;
    createMainWindow('/preload');
    const packaged = electron.options.at(-1)!.webPreferences;
    expect(packaged).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    electron.isPackaged = false;
    createMainWindow('/preload');
    expect(electron.options.at(-1)!.webPreferences.devTools).toBe(true);
  });

  it('sets every fuse in electron-builder.yml', () => {
    const config = parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
