import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, kdf, sampleAssessment } from '../../unit/store/helpers';
import { initStore, openStore } from '../../../electron/store/index';
import { StoreUnavailableError } from '../../../electron/store/errors';

/**
 * A real full disk: a 6 MiB tmpfs mounted for the test (CI and these machines run as root).
 * The write that does not fit must fail with a clear error and roll back; everything committed
 * before it stays, and once space is freed the store works again.
 */
let mountPoint = '';
beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'carefile-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
});
afterAll(() => {
  if (!mountPoint) return;
  execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('full disk mid-transaction', () => {
  it('rolls the failed write back, keeps earlier commits, and recovers when space is freed', async () => {
    const dataDir = join(mountPoint, 'store');
    mkdirSync(dataDir);
    await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
    const filler = join(mountPoint, 'filler');
    const store = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    // ~110 KB of evidence per assessment
    const evidence = Array.from({ length: 8 }, (_, k) => ({ id: `e-${k}`, kind: 'other' as const, title: `item ${k}`, summary: `evidence ${k} `.repeat(1300) }));
    const committed: string[] = [];
    let failure: unknown;
    for (let i = 0; i < 100 && !failure; i++) {
      const id = `full-${i}`;
      try {
        store.assessments.put(sampleAssessment(id, { evidence }));
        committed.push(id);
      } catch (err) {
        failure = err;
      }
    }
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toMatch(/disk is full/);
    expect(committed.length).toBeGreaterThan(0);
    const failedId = `full-${committed.length}`;
    expect(store.assessments.get(failedId)).toBeUndefined();
    expect(store.assessments.list().map((a) => a.id).sort()).toEqual([...committed].sort());
    store.close();

    rmSync(filler);
    const again = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(again.assessments.list()).toHaveLength(committed.length);
    expect(again.audit.verify().ok).toBe(true);
    again.assessments.put(sampleAssessment(failedId));
    expect(again.assessments.get(failedId)).toBeDefined();
    again.close();
  });
});
