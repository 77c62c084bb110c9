import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { acquireLock, currentBootId, ownInfo, processStartTicks, staleReason } from '../../../electron/store/lockfile';
import { StoreInUseError } from '../../../electron/store/errors';
import { freshStore, kdf, tempDir } from './helpers';
import { openStore, storePaths } from '../../../electron/store/index';

const linux = process.platform === 'linux';

describe('a lock that knows its owner', () => {
  it('records process id, start time, boot id and host', () => {
    const path = `${tempDir()}/carefile.lock`;
    const held = acquireLock(path);
    const info = JSON.parse(readFileSync(path, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    if (linux) {
      expect(info.bootId).toBe(currentBootId());
      expect(info.startTicks).toBe(processStartTicks(process.pid));
    }
    held.release();
    expect(existsSync(path)).toBe(false);
  });

  it.runIf(linux)('takes over a lock from an earlier boot even when its PID is alive now', () => {
    const path = `${tempDir()}/carefile.lock`;
    // PID 1 is always alive; the lock says it was taken in another boot.
    writeFileSync(path, JSON.stringify({ ...ownInfo(), pid: 1, bootId: '00000000-0000-0000-0000-000000000000' }));
    expect(staleReason(JSON.parse(readFileSync(path, 'utf8')), ownInfo())).toMatch(/before the computer last started/);
    acquireLock(path).release();
  });

  it.runIf(linux)('takes over a lock whose PID now belongs to another program (reused PID)', () => {
    const path = `${tempDir()}/carefile.lock`;
    const parent = process.ppid; // alive, and not the holder: it started at another time
    writeFileSync(path, JSON.stringify({ ...ownInfo(), pid: parent, startTicks: '1' }));
    expect(staleReason(JSON.parse(readFileSync(path, 'utf8')), ownInfo())).toMatch(/reused/);
    const held = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    held.release();
  });

  it('keeps refusing a live holder: another process that really holds it, and a lock on another host', async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    const lock = storePaths(dataDir).lock;
    // A real second process holds it (same boot, its own start time).
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const start = processStartTicks(child.pid!);
      writeFileSync(lock, JSON.stringify({ ...ownInfo(), pid: child.pid, ...(start && start !== 'gone' ? { startTicks: start } : {}) }));
      expect(() => openStore({ dataDir, kdf })).toThrow(StoreInUseError);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));
    // …and once it has gone, the lock is taken over.
    openStore({ dataDir, kdf }).close();
    writeFileSync(lock, JSON.stringify({ ...ownInfo(), host: 'another-host', pid: 1 }));
    expect(() => openStore({ dataDir, kdf })).toThrow(/in use by another Carefile process \(process 1 on another-host\)/);
  });
});
