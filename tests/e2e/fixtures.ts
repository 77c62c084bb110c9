/**
 * Starts Carefile in browser mode exactly as `npm run start:browser` does (the real launcher, the
 * real loopback server, a fresh store folder) and hands each test the printed URL.
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
}

async function startApp(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/launch.ts', '--browser', '--no-build', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, CAREFILE_KDF: 'fast' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // tsx compiles the launcher first: on a busy shared 2-core machine that alone can pass 20 s.
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`launcher exited with ${code}: ${out}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: RunningApp }>({
  // Playwright reads the fixture's dependencies from this destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carefile-e2e-'));
    const { child, url } = await startApp(dataDir);
    await use({ url, origin: new URL(url).origin, dataDir });
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
