import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, kdf, tempDir } from '../../unit/store/helpers';
import { initStore, openStore, storePaths } from '../../../electron/store/index';
import { main } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import { Exit } from '../../../electron/cli/exit';
import { dispatch } from '../../../electron/api/dispatch';

/**
 * The machine's faults, for real: a full disk (a 6 MiB tmpfs, filled), a read-only store folder
 * (the tmpfs remounted read-only) and permission denied (an immutable folder: even root is
 * refused). Each must come out as STORE_UNAVAILABLE in plain words and CLI exit 4, never
 * "unexpected" or INTERNAL; failed unlocks still count on a full disk; no temporary file is left.
 * These machines run the suite as root (mount, chattr); elsewhere the trials say why they skip.
 */
const root = process.getuid?.() === 0;
let mountPoint = '';
beforeAll(() => {
  if (!root) return;
  mountPoint = mkdtempSync(join(tmpdir(), 'carefile-faults-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
});
afterAll(() => {
  if (!mountPoint) return;
  execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '', env: { CAREFILE_SCRYPT_N: '1024', ...env }, interactive: false };
  const code = await main(['node', 'carefile', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const TEMP = /\.tmp-\d+|\.restore-\d+|\.partial-\d+/;

/** Fills the disk, then frees one page: room for the lock file, none for anything else. */
function fill(dir: string): void {
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(16 * 1024 * 1024));
  } catch {
    // ENOSPC: the disk is as full as one big file makes it
  }
  for (let i = 0; i < 1000; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(1024));
    } catch {
      rmSync(join(dir, `filler-${i}`), { force: true });
      if (i > 0) rmSync(join(dir, 'filler-0'));
      else truncateSync(join(dir, 'filler'), statSync(join(dir, 'filler')).size - 4096);
      return;
    }
  }
}

function unfill(dir: string): void {
  for (const n of readdirSync(dir)) if (n.startsWith('filler')) rmSync(join(dir, n));
}

async function fullDiskTrial(dataDir: string, env: Record<string, string>): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    const wrong = await cli(['user', 'list'], { ...env, CAREFILE_PASSPHRASE: `wrong-passphrase-${i}` });
    expect(wrong.code, wrong.err).toBe(Exit.AUTH);
    // Counted on disk, in place (a new file cannot be made on a full disk).
    expect(JSON.parse(readFileSync(storePaths(dataDir).unlockState, 'utf8')).failures).toBe(i);
  }
  const backedOff = await cli(['user', 'list'], { ...env, CAREFILE_PASSPHRASE: ADMIN_PASS });
  expect(backedOff.err).toMatch(/Too many failed attempts/);

  // The back-off over (no waiting in a test: the counter's time moved back), the right passphrase
  // unlocks but cannot write its audit events: a plain disk-full error, exit 4.
  const state = JSON.parse(readFileSync(storePaths(dataDir).unlockState, 'utf8'));
  writeFileSync(storePaths(dataDir).unlockState, JSON.stringify({ ...state, lastFailureAt: '2000-01-01T00:00:00.000Z' }).padEnd(4096));
  const full = await cli(['user', 'list'], { ...env, CAREFILE_PASSPHRASE: ADMIN_PASS });
  expect(full.code, full.err).toBe(Exit.STORE_UNAVAILABLE);
  expect(full.err).toMatch(/disk is full|disk failed/);
  expect(full.err).not.toMatch(/unexpected|INTERNAL|SqliteError/);
  expect(readdirSync(dataDir).filter((n) => TEMP.test(n))).toEqual([]);
}

describe.skipIf(!root)('the machine\'s faults (real tmpfs, read-only remount, immutable folder)', () => {
  it('full disk: failed unlocks are still counted and back off; the unlock that cannot write says "disk is full" (exit 4); nothing left behind', async () => {
    const dataDir = join(mountPoint, 'full');
    mkdirSync(dataDir);
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    (await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS)).close();
    const env = { CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: ADMIN };
    fill(mountPoint);
    try {
      await fullDiskTrial(dataDir, env);
    } finally {
      unfill(mountPoint);
    }
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    try {
      // Space again: the failures reach the audit log.
      expect(s.audit.events().filter((e) => e.action === 'unlock.failed')).toHaveLength(3);
    } finally {
      s.close();
    }
  });

  it('a disk with no room at all: even the lock cannot be written, and that is said plainly (exit 4)', async () => {
    const dataDir = join(mountPoint, 'no-room');
    mkdirSync(dataDir);
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    fill(mountPoint);
    writeFileSync(join(mountPoint, 'filler-last'), Buffer.alloc(1024));
    try {
      const r = await cli(['user', 'list'], { CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: 'wrong-passphrase-x' });
      expect(r.code, r.err).toBe(Exit.STORE_UNAVAILABLE);
      expect(r.err).toMatch(/disk is full/);
      expect(readdirSync(dataDir).filter((n) => TEMP.test(n) || n === 'carefile.lock')).toEqual([]);
    } finally {
      unfill(mountPoint);
    }
  });

  it('read-only folder: the CLI exits 4 and the API answers STORE_UNAVAILABLE, in plain words', async () => {
    const dataDir = join(mountPoint, 'ro');
    mkdirSync(dataDir);
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const r = await cli(['user', 'list'], { CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS });
      expect(r.code, r.err).toBe(Exit.STORE_UNAVAILABLE);
      expect(r.err).toMatch(/read-only/);
      expect(r.err).not.toMatch(/unexpected|EROFS …|INTERNAL/);
      const api = await dispatch('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, { app: { version: '0', mode: 'cli' }, dataDir });
      expect(api).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
      expect(!api.ok && api.error.message).toMatch(/read-only/);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });

  it('permission denied (an immutable folder): exit 4, plain words, no file left', async () => {
    const dataDir = join(tempDir(), 'store');
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    execFileSync('chattr', ['+i', dataDir]);
    try {
      const r = await cli(['user', 'list'], { CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS });
      expect(r.code, r.err).toBe(Exit.STORE_UNAVAILABLE);
      expect(r.err).toMatch(/permission denied/);
      expect(existsSync(storePaths(dataDir).lock)).toBe(false);
    } finally {
      execFileSync('chattr', ['-i', dataDir]);
    }
  });
});

/**
 * A file locked by another program, for real: a second process (as a records officer's SQLCipher
 * tool would) opens the store's database with the revealed key and holds BEGIN EXCLUSIVE. A CLI
 * write waits SQLite's busy timeout (5 s), then must say so plainly with exit 4, never
 * "unexpected" or INTERNAL; once the other program lets go, the same write succeeds.
 * Needs no root, so it runs everywhere.
 */
const HOLDER = `
import Database from 'better-sqlite3-multiple-ciphers';
const db = new Database(process.argv[1], { fileMustExist: true });
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma(\`key="\${process.argv[2]}"\`);
db.exec('BEGIN EXCLUSIVE');
db.prepare('SELECT count(*) FROM sqlite_master').get();
process.stdout.write('locked\\n');
process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); });
process.stdin.resume();
`;

describe('a store file locked by another program', () => {
  it('a CLI write says "held by another program" (exit 4), and succeeds once the lock is gone', async () => {
    const dataDir = join(tempDir(), 'store');
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    const env = { CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS, CAREFILE_NEW_PASSPHRASE: 'a new colleague passphrase 5' };
    const reveal = await cli(['key', 'reveal', '--json'], env);
    expect(reveal.code, reveal.err).toBe(Exit.OK);
    const key = (JSON.parse(reveal.out) as { key: string }).key;

    const holder = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, storePaths(dataDir).db, key], {
      cwd: join(import.meta.dirname, '../../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let holderErr = '';
    holder.stderr.on('data', (c: Buffer) => (holderErr += c.toString('utf8')));
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (c: Buffer) => c.toString('utf8').includes('locked') && resolve());
        holder.on('exit', (code) => reject(new Error(`the lock holder ended (${code}): ${holderErr}`)));
      });
      const held = await cli(['user', 'add', 'sam', '--role', 'assessor'], env);
      expect(held.code, held.err).toBe(Exit.STORE_UNAVAILABLE);
      expect(held.err).toMatch(/held by another program/);
      expect(held.err).not.toMatch(/unexpected|INTERNAL|SqliteError/);
    } finally {
      holder.stdin.end();
      if (holder.exitCode === null && holder.signalCode === null) await new Promise((resolve) => holder.once('exit', resolve));
    }
    const free = await cli(['user', 'add', 'sam', '--role', 'assessor'], env);
    expect(free.code, free.err).toBe(Exit.OK);
  }, 30_000);
});
