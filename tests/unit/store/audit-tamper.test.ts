import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/store/sqlite';
import { ADMIN, ADMIN_PASS, freshStore, kdf, sampleAssessment, tempDir } from './helpers';
import { openStore, storePaths, type Store } from '../../../electron/store/index';
import { eventHash, fromRow, type AuditRow } from '../../../electron/store/audit';
import { headText } from '../../../electron/store/audit-head';
import { signBytes, signedMessage } from '../../../electron/store/audit-signer';
import { digestOf } from '../../../electron/store/canonical';
import { makeSlot } from '../../../electron/store/keyslots';
import { generateCredential } from '../../../electron/store/signing';
import { dispatch } from '../../../electron/api/dispatch';
import { StoreSession } from '../../../electron/store/session';
import type { HandlerContext } from '../../../electron/api/context';

const SAM = 'sam';
const SAM_PASS = 'amber-glacier-notebook-9';

/** Opens the database behind the app's back, with the raw key, as an insider holding the key could. */
function rawOpen(dataDir: string, keyLiteral: string) {
  const db = new Database(storePaths(dataDir).db);
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="${keyLiteral}"`);
  return db;
}

const TRIGGER_SQL = [
  "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END",
  "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END",
];

async function reopen(dataDir: string, user = ADMIN, pass = ADMIN_PASS): Promise<Store> {
  return openStore({ dataDir, kdf }).unlock(user, pass);
}

function failedChecks(store: Store): string[] {
  return store.audit.verify().checks.filter((c) => !c.ok).map((c) => c.check);
}

/** Two people's work: sam (an assessor) and the administrator, in separate sessions. */
async function twoPersonStore() {
  const { dataDir, store } = await freshStore();
  await store.users.add({ name: SAM, role: 'assessor', passphrase: SAM_PASS });
  store.close();
  const sam = await reopen(dataDir, SAM, SAM_PASS);
  sam.assessments.put(sampleAssessment('a-sam'));
  sam.close();
  const admin = await reopen(dataDir);
  admin.assessments.put(sampleAssessment('a-admin'));
  const key = admin.revealKey();
  const adminUser = admin.users.byName(ADMIN)!;
  const adminKey = (await admin.signing.credentialsFor(adminUser.id, ADMIN_PASS)).privateKeyPkcs8;
  expect(admin.audit.verify()).toMatchObject({ ok: true });
  admin.close();
  return { dataDir, key, adminId: adminUser.id, adminCert: adminUser.certificateSha256, adminKey };
}

describe('audit-log verify: tampering behind the app\'s back', () => {
  it('detects attachment bytes deleted, and bytes changed', async () => {
    const { dataDir, store } = await freshStore();
    const a = store.attachments.put(new TextEncoder().encode('a letter from the school'), 'letter.txt');
    const b = store.attachments.put(new TextEncoder().encode('a second letter'), 'second.txt');
    const key = store.revealKey();
    store.close();
    const db = rawOpen(dataDir, key);
    db.prepare('DELETE FROM attachment WHERE sha256 = ?').run(a.sha256);
    db.prepare('UPDATE attachment SET data = ? WHERE sha256 = ?').run(Buffer.from('a forged letter'), b.sha256);
    db.close();
    const s = await reopen(dataDir);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    expect(failedChecks(s)).toEqual(['attachments']);
    expect(report.problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${a.sha256} was deleted outside Carefile`)), expect.stringMatching(new RegExp(`${b.sha256} no longer matches`))]),
    );
    s.close();
  });

  it('detects the end of the audit log cut off (against the signed head outside the database)', async () => {
    const { dataDir, store } = await freshStore();
    store.assessments.put(sampleAssessment('a-1'));
    const kept = store.audit.head().seq;
    // the events someone wants gone (here: the key being revealed, twice)
    const key = store.revealKey();
    store.revealKey();
    store.close();
    const db = rawOpen(dataDir, key);
    db.exec('DROP TRIGGER audit_event_no_delete');
    db.prepare('DELETE FROM audit_event WHERE seq > ?').run(kept);
    db.exec(TRIGGER_SQL[1]!);
    db.close();
    const s = await reopen(dataDir);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    // everything else accounts for itself: only the head, checked at this unlock, shows the cut
    expect(failedChecks(s)).toEqual(['alarms']);
    expect(report.firstBroken!.reason).toMatch(/the end of the audit log had been cut off/);
    // written into the log at the unlock that found it: reported at every later verify
    expect(s.audit.events().some((e) => e.action === 'audit.alarm' && e.entityId === 'head-cut-off')).toBe(true);
    s.close();
    const later = await reopen(dataDir);
    expect(later.audit.verify().checks.find((c) => c.check === 'alarms')).toMatchObject({ ok: false });
    later.close();
  });

  it('detects the triggers that forbid changing the log being dropped', async () => {
    const { dataDir, store } = await freshStore();
    const key = store.revealKey();
    store.close();
    const db = rawOpen(dataDir, key);
    db.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete');
    db.close();
    const s = await reopen(dataDir);
    expect(failedChecks(s)).toEqual(['triggers']);
    expect(s.audit.verify().firstBroken!.reason).toMatch(/audit_event_no_update that protects the audit log was dropped/);
    s.close();
  });

  it('detects a certificate added to user_certificate, which is then not known to this store', async () => {
    const { dataDir, store } = await freshStore();
    const admin = store.users.byName(ADMIN)!;
    const key = store.revealKey();
    store.close();
    const outside = await generateCredential('Admin (outside key)');
    const db = rawOpen(dataDir, key);
    db.prepare('INSERT INTO user_certificate (sha256, user_id, der, issued_on) VALUES (?, ?, ?, ?)').run(
      outside.certificateSha256,
      admin.id,
      Buffer.from(outside.certificateDer),
      new Date().toISOString(),
    );
    db.close();
    const s = await reopen(dataDir);
    expect(failedChecks(s)).toEqual(['certificates']);
    expect(s.audit.verify().firstBroken!.reason).toMatch(/added outside Carefile: it is not known to this store/);
    expect(s.signing.knownCertificates().map((c) => c.certificateSha256)).toEqual([admin.certificateSha256]);
    s.close();
  });

  it('detects a hidden key slot (an invisible administrator), though it opens the store', async () => {
    const { dataDir, store } = await freshStore();
    const admin = store.users.byName(ADMIN)!;
    const key = store.revealKey();
    const storeId = store.storeId;
    store.close();
    const dataKey = Buffer.from(key.slice(2, -1), 'hex');
    const { slot } = await makeSlot(storeId, 'ghost-passphrase-only-i-know', dataKey, kdf, { kind: 'user', userId: admin.id, userName: 'ghost' });
    const db = rawOpen(dataDir, key);
    db.prepare('INSERT INTO key_slot (id, kind, user_id, data) VALUES (?, ?, ?, ?)').run(slot.id, 'user', admin.id, JSON.stringify(slot));
    db.close();
    const file = JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8'));
    file.slots.push(slot);
    writeFileSync(storePaths(dataDir).keySlots, JSON.stringify(file));

    const ghost = await reopen(dataDir, 'ghost', 'ghost-passphrase-only-i-know');
    expect(ghost.session).toMatchObject({ role: 'admin' });
    ghost.close();
    const s = await reopen(dataDir);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'key slots')).toMatchObject({ ok: false, detail: expect.stringMatching(/added outside Carefile: a hidden way into the store/) });
    s.close();
  });

  it('detects a full rewrite of the chain by one user (the data key and their own key, not the others\')', async () => {
    const { dataDir, key, adminId, adminCert, adminKey } = await twoPersonStore();
    const storeId = JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8')).storeId as string;
    const priv = createPrivateKey({ key: Buffer.from(adminKey), format: 'der', type: 'pkcs8' });
    const db = rawOpen(dataDir, key);
    db.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete');
    // change sam's assessment, then rewrite every event from the first, signing each with the admin's own key
    const row = db.prepare("SELECT data FROM assessment WHERE id = 'a-sam'").get() as { data: string };
    db.prepare("UPDATE assessment SET data = ? WHERE id = 'a-sam'").run(JSON.stringify({ ...JSON.parse(row.data), analysis: 'rewritten by the administrator' }));
    const rows = (db.prepare('SELECT * FROM audit_event ORDER BY seq').all() as AuditRow[]).map(fromRow);
    let prevHash = '0'.repeat(64);
    const samDigest = digestOf({ ...sampleAssessment('a-sam'), analysis: 'rewritten by the administrator' });
    for (const e of rows) {
      const digest = e.entityId === 'a-sam' ? samDigest : e.digest;
      const partial = { ...e, digest, prevHash, signer: adminId, keyId: adminCert };
      delete (partial as { sig?: string }).sig;
      const hash = eventHash(partial);
      const sig = signBytes(priv, signedMessage('event', storeId, hash));
      db.prepare('UPDATE audit_event SET digest = ?, prev_hash = ?, hash = ?, signer = ?, key_id = ?, sig = ? WHERE seq = ?').run(digest, prevHash, hash, adminId, adminCert, sig, e.seq);
      prevHash = hash;
    }
    for (const sql of TRIGGER_SQL) db.exec(sql);
    db.close();
    // and the signed head outside the database, re-signed to match
    const file = JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8'));
    const head = { seq: rows.length, hash: prevHash, at: new Date().toISOString(), signer: adminId, keyId: adminCert };
    file.auditHead = { ...head, sig: signBytes(priv, signedMessage('head', storeId, headText(head))) };
    writeFileSync(storePaths(dataDir).keySlots, JSON.stringify(file));

    const s = await reopen(dataDir);
    const report = s.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'chain')).toMatchObject({ ok: true });
    expect(report.checks.find((c) => c.check === 'signatures')).toMatchObject({ ok: false, detail: expect.stringMatching(/unlock by sam\) is signed by someone else's key/) });
    s.close();
    // and sam, at their next unlock, finds the event they last saw rewritten
    const sam = await reopen(dataDir, SAM, SAM_PASS);
    expect(sam.audit.events().some((e) => e.action === 'audit.alarm' && e.entityId === 'witness-mismatch')).toBe(true);
    expect(sam.audit.verify().problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/at the unlock by sam .*the log had been rewritten while they were away/)]),
    );
    sam.close();
  });

  it('refuses a lone surrogate at the door, and a failed unlock with one leaves the chain intact', async () => {
    const dataDir = join(tempDir(), 'data');
    const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
    expect(await dispatch('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx)).toMatchObject({ ok: true });
    expect(await dispatch('store.unlock', { userName: 'ad\uD800min', passphrase: ADMIN_PASS }, ctx)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'userName', message: expect.stringMatching(/userName: .*lone UTF-16 surrogate/) },
    });
    // below the door too: the store keeps the attempt as well-formed text
    const handle = openStore({ dataDir, kdf });
    await expect(handle.unlock(`${'x'.repeat(63)}\uD83D\uDE00`, 'wrong-wrong-wrong')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(handle.unlock('\uDC00lone', 'wrong-wrong-wrong')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const s = await handle.unlock(ADMIN, ADMIN_PASS);
    const failed = s.audit.events().filter((e) => e.action === 'unlock.failed');
    expect(failed.map((e) => e.actor)).toEqual([`${'x'.repeat(63)}\uFFFD`, '\uFFFDlone']);
    expect(failed.every((e) => e.actor.isWellFormed())).toBe(true);
    expect(s.audit.verify()).toMatchObject({ ok: true });
    s.close();
  });
});
