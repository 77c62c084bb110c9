import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/store/sqlite';
import { ADMIN, ADMIN_PASS, freshStore, kdf, sampleAssessment } from './helpers';
import { openStore, storePaths } from '../../../electron/store/index';

/** Opens the database behind the app's back, with the raw key, as an attacker with the key could. */
function rawOpen(dataDir: string, keyLiteral: string) {
  const db = new Database(storePaths(dataDir).db);
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="${keyLiteral}"`);
  return db;
}

async function storeWithHistory() {
  const { dataDir, store } = await freshStore();
  store.assessments.put(sampleAssessment('a-1'));
  store.assessments.put(sampleAssessment('a-2'));
  store.assessments.put({ ...sampleAssessment('a-1'), analysis: 'second thoughts' });
  const key = store.revealKey();
  const report = store.audit.verify();
  expect(report.ok).toBe(true);
  store.close();
  return { dataDir, key, events: report.events };
}

describe('audit chain', () => {
  it('records every change with actor, action, entity, digest and the previous hash', async () => {
    const { store } = await freshStore();
    store.assessments.put(sampleAssessment());
    const events = store.audit.events();
    expect(events.map((e) => e.action)).toEqual([
      'store.init',
      'keyslot.add',
      'audit-key.add',
      'user.add',
      'certificate.add',
      'keyslot.add',
      'unlock',
      'assessment.create',
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ actor: ADMIN, entityType: 'assessment', entityId: 'a-1' });
    expect(store.audit.head()).toEqual({ seq: events.length, hash: last.hash });
    // every event is signed by the admin's own key (their certificate's SHA-256 names it)
    const admin = store.users.byName(ADMIN)!;
    expect(events.every((e) => e.signer === admin.id && e.keyId === admin.certificateSha256 && e.sig)).toBe(true);
    expect(store.audit.signedHead()).toMatchObject({ seq: events.length, hash: last.hash, signer: admin.id });
    store.close();
  });

  it('forbids UPDATE and DELETE on the audit table by trigger', async () => {
    const { store } = await freshStore();
    expect(() => store.db.prepare("UPDATE audit_event SET actor = 'x' WHERE seq = 1").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM audit_event WHERE seq = 1').run()).toThrow(/cannot be deleted/);
    store.close();
  });

  it('names the first broken link when an event is altered behind the app\'s back', async () => {
    const { dataDir, key } = await storeWithHistory();
    const db = rawOpen(dataDir, key);
    db.exec('DROP TRIGGER audit_event_no_update');
    db.prepare("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 5").run();
    db.close();
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: 5 });
    expect(report.firstBroken!.reason).toMatch(/altered/);
    s.close();
  });

  it('notices a deleted event (a gap in the chain)', async () => {
    const { dataDir, key } = await storeWithHistory();
    const db = rawOpen(dataDir, key);
    db.exec('DROP TRIGGER audit_event_no_delete');
    db.prepare('DELETE FROM audit_event WHERE seq = 3').run();
    db.close();
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(s.audit.verify().firstBroken).toMatchObject({ seq: 4, reason: expect.stringMatching(/missing/) });
    s.close();
  });

  it('reports an assessment row altered behind the app\'s back (the chain itself intact)', async () => {
    const { dataDir, key } = await storeWithHistory();
    const db = rawOpen(dataDir, key);
    const row = db.prepare("SELECT data FROM evidence_item WHERE assessment_id = 'a-2' AND id = 'e-2'").get() as { data: string };
    const changed = { ...JSON.parse(row.data), weight: 'significant' };
    db.prepare("UPDATE evidence_item SET data = ? WHERE assessment_id = 'a-2' AND id = 'e-2'").run(JSON.stringify(changed));
    db.close();
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ entityType: 'assessment', entityId: 'a-2', reason: expect.stringMatching(/changed outside Carefile/) });
    s.close();
  });

  it('reports a user given admin rights behind the app\'s back', async () => {
    const { dataDir, store } = await freshStore();
    await store.users.add({ name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' });
    const key = store.revealKey();
    store.close();
    const db = rawOpen(dataDir, key);
    db.prepare("UPDATE user SET role = 'admin' WHERE name = 'sam'").run();
    db.close();
    const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(s.audit.verify().firstBroken).toMatchObject({ entityType: 'user', reason: expect.stringMatching(/sam/) });
    s.close();
  });
});
