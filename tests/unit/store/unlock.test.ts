import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf, tempDir } from './helpers';
import { initStore, openStore, storePaths } from '../../../electron/store/index';
import { AuthFailedError, BackoffError, ConflictError, InvalidInputError, StoreInUseError, StoreUnavailableError } from '../../../electron/store/errors';
import { newRecoveryKey, normaliseRecoveryKey } from '../../../electron/store/recovery-key';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('init, unlock and keys', () => {
  it('gives a recovery key in groups a person can write down, and it unlocks the store', async () => {
    const { dataDir, recoveryKey, store } = await freshStore();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    store.close();
    const handle = openStore({ dataDir, kdf });
    const viaRecovery = await handle.unlockWithRecoveryKey(recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(viaRecovery.session).toMatchObject({ via: 'recovery-key', role: 'admin' });
    expect(handle.state).toBe('unlocked');
    viaRecovery.close();
    expect(handle.state).toBe('closed');
  });

  it('makes an existing data folder owner-only (0700) when a store is created in it or opened', async () => {
    const mode = (p: string) => statSync(p).mode & 0o777;
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    expect(mode(dataDir)).toBe(0o700);
    chmodSync(dataDir, 0o755);
    const handle = openStore({ dataDir, kdf });
    expect(mode(dataDir)).toBe(0o700);
    handle.close();
  });

  it('normalises look-alike characters in a typed recovery key', () => {
    const k = newRecoveryKey();
    expect(normaliseRecoveryKey(k.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(k.replace(/-/g, ''));
    expect(normaliseRecoveryKey('too short')).toBeUndefined();
  });

  it('refuses a wrong passphrase with AuthFailedError and leaves every file byte unchanged', async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    const paths = storePaths(dataDir);
    const before = [sha(paths.db), sha(paths.keySlots)];
    const walBefore = existsSync(`${paths.db}-wal`);
    const handle = openStore({ dataDir, kdf });
    await expect(handle.unlock(ADMIN, 'not-the-right-passphrase')).rejects.toBeInstanceOf(AuthFailedError);
    await expect(handle.unlock('nobody', ADMIN_PASS)).rejects.toBeInstanceOf(AuthFailedError);
    await expect(handle.unlockWithRecoveryKey('AAAAA-AAAAA')).rejects.toBeInstanceOf(AuthFailedError);
    expect([sha(paths.db), sha(paths.keySlots)]).toEqual(before);
    expect(existsSync(`${paths.db}-wal`)).toBe(walBefore);
    expect(handle.state).toBe('locked');
    handle.close();
  });

  it('backs off exponentially after failures, across restarts, and audits the failures at the next unlock', async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    let now = new Date('2026-03-01T10:00:00Z');
    const clock = () => now;
    let handle = openStore({ dataDir, kdf, now: clock });
    for (let i = 0; i < 3; i++) await expect(handle.unlock(ADMIN, `wrong-passphrase-${i}`)).rejects.toBeInstanceOf(AuthFailedError);
    // the fourth try is held back, even with the right passphrase
    await expect(handle.unlock(ADMIN, ADMIN_PASS)).rejects.toBeInstanceOf(BackoffError);
    handle.close();
    handle = openStore({ dataDir, kdf, now: clock });
    const err = await handle.unlock(ADMIN, ADMIN_PASS).catch((e) => e);
    expect(err).toBeInstanceOf(BackoffError);
    expect((err as BackoffError).retryAfterMs).toBe(1000);
    now = new Date(now.getTime() + 1001);
    await expect(handle.unlock(ADMIN, 'wrong-again-passphrase')).rejects.toBeInstanceOf(AuthFailedError);
    expect(handle.backoffRemainingMs()).toBe(2000);
    now = new Date(now.getTime() + 2001);
    const s = await handle.unlock(ADMIN, ADMIN_PASS);
    const failed = s.audit.events().filter((e) => e.action === 'unlock.failed');
    expect(failed).toHaveLength(4);
    expect(failed.every((e) => e.actor === ADMIN)).toBe(true);
    expect(handle.backoffRemainingMs()).toBe(0);
    expect(s.audit.verify().ok).toBe(true);
    s.close();
  });

  it('refuses a second opener with a clear "in use" error, and takes over a dead holder\'s lock', async () => {
    const { dataDir, store } = await freshStore();
    expect(() => openStore({ dataDir, kdf })).toThrow(StoreInUseError);
    expect(() => openStore({ dataDir, kdf })).toThrow(/in use/);
    store.close();
    // a lock left by a process that no longer exists
    writeFileSync(storePaths(dataDir).lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: '', token: 'x' }));
    const handle = openStore({ dataDir, kdf });
    handle.close();
    expect(existsSync(storePaths(dataDir).lock)).toBe(false);
  });

  it('reports a missing store, a non-database file and a truncated file as unavailable, never as a wrong passphrase', async () => {
    expect(() => openStore({ dataDir: tempDir(), kdf })).toThrow(StoreUnavailableError);
    const { dataDir, store } = await freshStore();
    for (let i = 0; i < 20; i++) store.attachments.put(new TextEncoder().encode(`note ${i} `.repeat(2000)), `n${i}.txt`);
    store.close();
    const paths = storePaths(dataDir);
    const good = readFileSync(paths.db);
    writeFileSync(paths.db, 'this is not a database at all, just some text'.repeat(200));
    const failed = openStore({ dataDir, kdf });
    await expect(failed.unlock(ADMIN, ADMIN_PASS)).rejects.toBeInstanceOf(StoreUnavailableError);
    failed.close();
    writeFileSync(paths.db, good.subarray(0, Math.floor(good.length / 3)));
    const handle = openStore({ dataDir, kdf });
    const outcome = await handle
      .unlock(ADMIN, ADMIN_PASS)
      .then((s) => s.audit.verify())
      .catch((e) => e);
    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    handle.close();
    rmLock(dataDir);
    writeFileSync(paths.keySlots, '{ broken');
    expect(() => openStore({ dataDir, kdf })).toThrow(/damaged/);
    rmSync(paths.keySlots);
    expect(() => openStore({ dataDir, kdf })).toThrow(/key slots file is missing/);
  });

  it('refuses init over an existing store and weak passphrases', async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    await expect(initStore({ dataDir, adminName: 'x', adminPassphrase: ADMIN_PASS, kdf })).rejects.toBeInstanceOf(ConflictError);
    const other = tempDir();
    await expect(initStore({ dataDir: other, adminName: 'x', adminPassphrase: 'short', kdf })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(initStore({ dataDir: other, adminName: 'x', adminPassphrase: 'Password1234!', kdf })).rejects.toThrow(/guessers/);
    await expect(initStore({ dataDir: other, adminName: 'x', adminPassphrase: 'aaaaaaaaaaaaaaaa', kdf })).rejects.toThrow(/guessers/);
    expect(existsSync(join(other, 'carefile.db'))).toBe(false);
  });
});

function rmLock(dataDir: string) {
  rmSync(storePaths(dataDir).lock, { force: true });
}
