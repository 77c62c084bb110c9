import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/store/sqlite';
import { ADMIN, ADMIN_PASS, freshStore, kdf, sampleAssessment } from './helpers';
import { openStore, storePaths, type Store } from '../../../electron/store/index';
import type { Core } from '../../../electron/store/core';
import { RotationStopped, rotateDataKey, type RotationStop } from '../../../electron/store/rekey';

const KIM = 'kim';
const KIM_PASS = 'quiet-meadow-bicycle-7';
const SAM = 'sam';
const SAM_PASS = 'amber-glacier-notebook-9';

function opensWith(dataDir: string, keyLiteral: string): boolean {
  const db = new Database(storePaths(dataDir).db);
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="${keyLiteral}"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('removing a user rotates the data key', () => {
  it('leaves their old key slot (a saved copy of the old slots file) opening nothing; everyone else still opens', async () => {
    const { dataDir, recoveryKey, store } = await freshStore();
    await store.users.add({ name: SAM, role: 'assessor', passphrase: SAM_PASS });
    await store.users.add({ name: KIM, role: 'assessor', passphrase: KIM_PASS });
    store.assessments.put(sampleAssessment('a-1'));
    const oldKey = store.revealKey();
    const saved = `${storePaths(dataDir).keySlots}.saved-by-sam`;
    copyFileSync(storePaths(dataDir).keySlots, saved);
    expect(store.users.remove(SAM).keyRotation).toEqual({ rotated: true });
    const newKey = store.revealKey();
    expect(newKey).not.toBe(oldKey);
    expect(store.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
    expect(store.audit.events().at(-2)).toMatchObject({ action: 'store.rekey' });
    expect(store.audit.verify()).toMatchObject({ ok: true });
    store.close();

    expect(opensWith(dataDir, oldKey)).toBe(false);
    expect(opensWith(dataDir, newKey)).toBe(true);
    // sam puts the old slots file back and tries their old slot: it gives the old key, which opens nothing
    const current = readFileSync(storePaths(dataDir).keySlots);
    copyFileSync(saved, storePaths(dataDir).keySlots);
    const tried = openStore({ dataDir, kdf });
    await expect(tried.unlock(SAM, SAM_PASS)).rejects.toMatchObject({ code: expect.stringMatching(/AUTH_FAILED|STORE_UNAVAILABLE/) });
    tried.close();
    writeFileSync(storePaths(dataDir).keySlots, current);

    for (const [name, pass] of [[ADMIN, ADMIN_PASS], [KIM, KIM_PASS]] as const) {
      const s = await openStore({ dataDir, kdf }).unlock(name, pass);
      expect(s.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
      s.close();
    }
    const r = await openStore({ dataDir, kdf }).unlockWithRecoveryKey(recoveryKey);
    expect(r.audit.verify()).toMatchObject({ ok: true });
    r.close();
  });

  for (const stop of ['after-next-written', 'after-rekey', 'after-mirror'] as RotationStop[]) {
    it(`recovers from a kill ${stop.replace(/-/g, ' ')}: the next unlock finishes the rotation`, async () => {
      const { dataDir, recoveryKey, store: first } = await freshStore();
      await first.users.add({ name: KIM, role: 'assessor', passphrase: KIM_PASS });
      first.assessments.put(sampleAssessment('a-1'));
      first.close();
      const handle = openStore({ dataDir, kdf });
      const store: Store = await handle.unlock(ADMIN, ADMIN_PASS);
      const oldKey = store.revealKey();
      const core = (store as unknown as { core: Core }).core;
      core.db.prepare("INSERT INTO meta (key, value) VALUES ('rekey_pending', 'test')").run();
      expect(() => rotateDataKey(core, ADMIN, stop)).toThrow(RotationStopped);
      // the kill: no close, no clean-up; only the lock goes (the process is gone)
      core.db.close();
      (handle as unknown as { lock: { release(): void } }).lock.release();

      const kim = await openStore({ dataDir, kdf }).unlock(KIM, KIM_PASS);
      expect(kim.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
      expect(kim.db.prepare("SELECT 1 FROM meta WHERE key = 'rekey_pending'").get()).toBeUndefined();
      expect(kim.audit.events().filter((e) => e.action === 'store.rekey')).toHaveLength(1);
      const report = kim.audit.verify();
      expect(report.ok, JSON.stringify(report.problems)).toBe(true);
      kim.close();
      expect(JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8')).next).toBeUndefined();
      expect(opensWith(dataDir, oldKey)).toBe(false);
      for (const open of [() => openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS), () => openStore({ dataDir, kdf }).unlockWithRecoveryKey(recoveryKey)]) {
        const s = await open();
        expect(s.assessments.get('a-1')).toEqual(sampleAssessment('a-1'));
        s.close();
      }
    });
  }
});
