import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf, sampleAssessment, tempDir } from './helpers';
import { initStore, openStore, restoreStore, storePaths } from '../../../electron/store/index';
import { AuthFailedError, ConflictError, InvalidInputError, StoreInUseError, StoreUnavailableError } from '../../../electron/store/errors';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const cred = { kind: 'passphrase' as const, userName: ADMIN, passphrase: ADMIN_PASS };

describe('backup and restore', () => {
  it('backs up online to one encrypted file and restores it, replacing later changes', async () => {
    const { dataDir, store } = await freshStore();
    store.assessments.put(sampleAssessment('a-1'));
    const out = join(tempDir(), 'backup.carefile');
    const result = store.backup(out);
    expect(result.size).toBeGreaterThan(0);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(() => store.backup(out)).toThrow(ConflictError);
    store.assessments.put(sampleAssessment('a-2'));
    store.close();

    const restored = await restoreStore({ dataDir, file: out, credential: cred, kdf });
    expect(restored.auditSeq).toBeGreaterThan(result.auditSeq);
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(s.assessments.list().map((a) => a.id)).toEqual(['a-1']);
    expect(s.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
    expect(s.audit.events().map((e) => e.action).slice(-3)).toEqual(['store.backup', 'store.restore', 'unlock']);
    expect(s.audit.verify().ok).toBe(true);
    s.close();
    expect(readdirSync(dataDir).filter((f) => f.includes('pre-restore') || f.includes('restore-'))).toEqual([]);
  });

  it('refuses a damaged or foreign backup before replacing anything', async () => {
    const { dataDir, store } = await freshStore();
    store.assessments.put(sampleAssessment('a-1'));
    const good = join(tempDir(), 'good.carefile');
    store.backup(good);
    store.close();
    const before = sha(storePaths(dataDir).db);

    const truncated = join(tempDir(), 'truncated.carefile');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 4096));
    await expect(restoreStore({ dataDir, file: truncated, credential: cred, kdf })).rejects.toBeInstanceOf(StoreUnavailableError);

    const garbage = join(tempDir(), 'garbage.carefile');
    writeFileSync(garbage, 'not a database'.repeat(1000));
    await expect(restoreStore({ dataDir, file: garbage, credential: cred, kdf })).rejects.toThrow(InvalidInputError);

    const other = await freshStore();
    const foreign = join(tempDir(), 'foreign.carefile');
    other.store.backup(foreign);
    other.store.close();
    await expect(restoreStore({ dataDir, file: foreign, credential: cred, kdf })).rejects.toThrow(/another store/);
    await expect(restoreStore({ dataDir, file: good, credential: { ...cred, passphrase: 'wrong-passphrase-here' }, kdf })).rejects.toBeInstanceOf(AuthFailedError);
    await expect(restoreStore({ dataDir, file: join(tempDir(), 'missing'), credential: cred, kdf })).rejects.toBeInstanceOf(InvalidInputError);

    expect(sha(storePaths(dataDir).db)).toBe(before);
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(s.assessments.list()).toHaveLength(1);
    // restoring under an open store is refused
    await expect(restoreStore({ dataDir, file: good, credential: cred, kdf })).rejects.toBeInstanceOf(StoreInUseError);
    s.close();
  });

  it('restores onto an empty machine with the raw key from key reveal; the key slots come back', async () => {
    const { store, recoveryKey } = await freshStore();
    await store.users.add({ name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' });
    store.assessments.put(sampleAssessment('a-1'));
    const key = store.revealKey();
    const out = join(tempDir(), 'b.carefile');
    store.backup(out);
    store.close();

    const newMachine = join(tempDir(), 'fresh');
    await expect(restoreStore({ dataDir: newMachine, file: out, credential: cred, kdf })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(restoreStore({ dataDir: newMachine, file: out, rawKey: `x'${'00'.repeat(32)}'`, kdf })).rejects.toBeInstanceOf(AuthFailedError);
    await restoreStore({ dataDir: newMachine, file: out, rawKey: key, kdf });
    expect(existsSync(storePaths(newMachine).keySlots)).toBe(true);
    const asSam = await openStore({ dataDir: newMachine, kdf }).unlock('sam', 'amber-glacier-notebook-9');
    expect(asSam.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
    asSam.close();
    const viaRecovery = await openStore({ dataDir: newMachine, kdf }).unlockWithRecoveryKey(recoveryKey);
    expect(viaRecovery.audit.verify().ok).toBe(true);
    viaRecovery.close();
  });

  it('init then restore over a different store is refused (the key does not open it)', async () => {
    const a = await freshStore();
    const out = join(tempDir(), 'a.carefile');
    a.store.backup(out);
    a.store.close();
    const dataDir = tempDir();
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    await expect(restoreStore({ dataDir, file: out, credential: cred, kdf })).rejects.toThrow(/another store/);
  });
});
