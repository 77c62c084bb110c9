/**
 * `npm start`: the desktop app when Electron can run here, otherwise browser mode, which serves
 * the same renderer and handler map on 127.0.0.1. `npm run start:browser` asks for browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import { findElectronRuntime } from './launch/electron-runtime';
import { startLoopbackServer } from './transport/loopback';
import { APP_ROOT, resourcePath } from './resources';
import { defaultDataDir } from './store/index';
import packageJson from '../package.json' with { type: 'json' };

const root = APP_ROOT;

function run(cmd: string, args: string[]): void {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function main(): Promise<void> {
  const opts = new Command('carefile-start')
    .option('--browser', 'serve the app on 127.0.0.1 instead of opening the desktop window')
    .option('--port <n>', 'port for browser mode (default: a free one)', (v) => Number.parseInt(v, 10), 0)
    .option('--data-dir <dir>', 'the store folder (default: CAREFILE_DATA_DIR or the per-user app folder)')
    .option('--no-build', 'serve the renderer already built in dist/renderer')
    .parse(process.argv)
    .opts<{ browser?: boolean; port: number; dataDir?: string; build: boolean }>();

  // The same store the CLI finds: --data-dir, else CAREFILE_DATA_DIR, else the per-user app folder.
  const dataDir = path.resolve(opts.dataDir ?? (process.env.CAREFILE_DATA_DIR || defaultDataDir()));

  if (!opts.browser) {
    const runtime = findElectronRuntime();
    if (runtime.ok) {
      run('npm', ['run', '--silent', 'build']);
      const child = spawn(runtime.binary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, CAREFILE_DATA_DIR: dataDir } });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    process.stdout.write(
      `\nCarefile cannot open its desktop window on this machine: ${runtime.reason} ` +
        'It will run in browser mode instead: the same screens and the same encrypted store, served only to this ' +
        'computer (127.0.0.1) and protected by a one-time access token. Open the address below in Chromium, ' +
        'Chrome, Edge or Firefox on this computer. Press Ctrl+C to stop.\n\n',
    );
  }

  if (opts.build) run('npx', ['vite', 'build', '--logLevel', 'warn']);
  // CAREFILE_IDLE_LOCK_MS: a shorter idle lock for the end-to-end tests (it never lengthens the administrator's; electron/api/idle-lock.ts).
  const server = await startLoopbackServer({
    staticDir: resourcePath('renderer'),
    port: opts.port,
    ctx: { app: { version: packageJson.version, mode: 'browser' }, dataDir, idleLockMs: Number(process.env.CAREFILE_IDLE_LOCK_MS) || undefined },
    // CAREFILE_TOKEN_TTL_MS: for the end-to-end tests on slow machines only (docs/cli.md); the address still works once.
    tokenTtlMs: Number(process.env.CAREFILE_TOKEN_TTL_MS) || undefined,
  });
  process.stdout.write(
    `Carefile is running in browser mode at:\n\n  ${server.url}\n\n` +
      'The address works once, within a minute, and each browser window signs in with a passphrase. ' +
      'Press Enter here for a new address.\n',
  );
  // A fresh address on request: the printed one is spent once used (or a minute after printing).
  process.stdin.on('data', () => process.stdout.write(`\nA new address (works once, within a minute):\n\n  ${server.newAddress()}\n\n`));
  process.stdin.on('error', () => {});
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Carefile could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
