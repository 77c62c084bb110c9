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
  /** A fresh one-use address, as pressing Enter in the launcher's terminal gives. */
  newAddress(): Promise<string>;
  /** Everything the launcher printed so far (stdout and stderr): its log. */
  output(): string;
}

const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/g;

async function startApp(dataDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; newAddress(): Promise<string>; output(): string }> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/launch.ts', '--browser', '--no-build', '--data-dir', dataDir], {
    cwd: root,
    // A slow machine may take more than the address's minute to prepare a store before the first
    // page opens: the tests' addresses live 10 minutes (still used once; expiry: tests/integration/loopback.test.ts).
    env: { ...process.env, CAREFILE_KDF: 'fast', CAREFILE_TOKEN_TTL_MS: '600000', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
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
  const newAddress = async (): Promise<string> => {
    const before = printed.match(ADDRESS)?.length ?? 0;
    child.stdin?.write('\n');
    for (let i = 0; i < 100; i++) {
      const all = printed.match(ADDRESS) ?? [];
      if (all.length > before) return all[all.length - 1]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the launcher printed no new address');
  };
  return { child, url, newAddress, output: () => log };
}

/** SIGTERM, then wait for the exit (SIGKILL after 10 s, for a launcher that hangs). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ app: RunningApp; appEnv: Record<string, string> }>({
  /** Extra environment for the launcher (e.g. a short CAREFILE_IDLE_LOCK_MS): `test.use({ appEnv: … })`. */
  appEnv: [{}, { option: true }],
  app: async ({ appEnv }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carefile-e2e-'));
    const { child, url, newAddress, output } = await startApp(dataDir, appEnv);
    await use({ url, origin: new URL(url).origin, dataDir, newAddress, output });
    await stop(child);
    // The store folder is removed only once the launcher has exited: removing it while the
    // launcher was still closing the store (its last writes) failed with ENOTEMPTY.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },
});

export { expect } from '@playwright/test';
