import { appendAudit, auditHead, setAuditSigner } from './audit';
import { readSignedHead, headMismatch, type HeadProblem } from './audit-head';
import {
  certificatePublicKey,
  insertRecoveryAuditKey,
  newRecoveryAuditKey,
  recoverySigner,
  samePublicKey,
  userSigner,
  type SessionSigner,
} from './audit-signer';
import { digestOf } from './canonical';
import { rewriteSlot, slotsFromDb, type Core } from './core';
import { boxSlot, readWitness, withWitness, type KeySlot } from './keyslots';
import { openSigningKey } from './signing';

/** Something found at unlock that only the unlocking person's keys could show; written into the log as `audit.alarm`. */
export interface Alarm {
  code: HeadProblem['code'] | 'signing-key-unreadable' | 'signing-key-mismatch' | 'witness-mismatch';
  reason: string;
}

/**
 * At unlock, before anything is written: gives the session its signer (the user's own signing
 * key, or the recovery key's), and lists what does not fit: the signed head against the chain,
 * and the user's unsealed key against the certificate the store holds for them (a certificate or
 * sealed key swapped behind the app's back shows here, to the one person who can tell).
 */
export function sessionSignerAndAlarms(core: Core, slot: KeySlot, kek: Buffer): Alarm[] {
  const alarms: Alarm[] = [];
  const head = readSignedHead(core.paths);
  if (head) {
    const problem = headMismatch(core.db, core.storeId, head);
    if (problem) alarms.push(problem);
  } else if (core.db.prepare('SELECT 1 FROM audit_event WHERE sig IS NOT NULL LIMIT 1').get()) {
    alarms.push({ code: 'head-missing', reason: `the signed audit head is missing from the key slots file (the log has ${auditHead(core.db).seq} events)` });
  }
  let signer: SessionSigner | undefined;
  if (core.session.via === 'recovery-key') {
    signer = recoverySigner(core.db, core.storeId, kek);
    if (!signer && !core.db.prepare("SELECT 1 FROM audit_key WHERE kind = 'recovery'").get()) {
      // A store made before signed events: its recovery key gets a signing key at its first use.
      const key = newRecoveryAuditKey(core.storeId, kek);
      core.db.transaction(() => {
        insertRecoveryAuditKey(core.db, key);
        setAuditSigner(core.db, recoverySigner(core.db, core.storeId, kek));
        appendAudit(core.db, { actor: core.session.name, action: 'audit-key.add', entityType: 'audit-key', entityId: key.id, digest: key.id });
      })();
      signer = recoverySigner(core.db, core.storeId, kek);
    }
    if (!signer) alarms.push({ code: 'signing-key-unreadable', reason: "the recovery key's signing key does not open with the recovery key: it was replaced" });
  } else {
    const userId = core.session.userId;
    const row = core.db.prepare('SELECT signing_key, certificate_sha256 FROM user WHERE id = ?').get(userId) as { signing_key: string; certificate_sha256: string };
    const opened = openSigningKey(kek, row.signing_key, core.storeId, userId);
    if (!opened) {
      alarms.push({ code: 'signing-key-unreadable', reason: `${core.session.name}'s signing key does not open with their passphrase: it was replaced` });
    } else {
      signer = userSigner(core.storeId, userId, row.certificate_sha256, opened);
      const cert = core.db.prepare('SELECT der FROM user_certificate WHERE sha256 = ? AND user_id = ?').get(row.certificate_sha256, userId) as { der: Buffer } | undefined;
      const certKey = cert && certificatePublicKey(cert.der);
      if (!certKey || !samePublicKey(certKey, signer.publicKey)) {
        alarms.push({ code: 'signing-key-mismatch', reason: `${core.session.name}'s certificate in the store is not the one for their signing key: it was replaced` });
      }
    }
  }
  const witness = witnessProblem(core, slot, kek, signer?.signer);
  if (witness) alarms.push(witness);
  setAuditSigner(core.db, signer);
  return alarms;
}

/**
 * The slot's witness names the last event its owner saw, signed by them: if that event is gone,
 * different or signed by someone else, the log was rewritten while they were away. A slot with a
 * public key always has a witness (boxSlot gives it one), so a missing one is itself a sign.
 */
function witnessProblem(core: Core, slot: KeySlot, kek: Buffer, signer: string | undefined): Alarm | undefined {
  const mirrored = slotsFromDb(core.db, core.storeId).slots.find((s) => s.id === slot.id) ?? slot;
  if (!mirrored.box) return undefined;
  const witness = readWitness(core.storeId, mirrored, kek);
  const who = core.session.name;
  if (!witness) return { code: 'witness-mismatch', reason: `${who}'s witness of the log is missing or was replaced` };
  if (witness.seq === 0) return undefined;
  const row = core.db.prepare('SELECT hash, signer FROM audit_event WHERE seq = ?').get(witness.seq) as { hash: string; signer: string | null } | undefined;
  if (!row || row.hash !== witness.hash || row.signer !== signer) {
    return { code: 'witness-mismatch', reason: `event ${witness.seq}, the last one ${who} saw, is gone or was rewritten since` };
  }
  return undefined;
}

/** Moves the session owner's witness to the head of the log (at unlock, after its own events, and at lock). */
export function updateWitness(core: Core, slotId: string, kek: Buffer): void {
  const mirrored = slotsFromDb(core.db, core.storeId).slots.find((s) => s.id === slotId);
  if (!mirrored?.box) return;
  rewriteSlot(core.db, withWitness(core.storeId, mirrored, kek, auditHead(core.db)));
}

export function recordAlarms(core: Core, alarms: Alarm[]): void {
  if (alarms.length === 0) return;
  core.db.transaction(() => {
    for (const a of alarms) {
      appendAudit(core.db, { actor: core.session.name, action: 'audit.alarm', entityType: 'alarm', entityId: a.code, digest: digestOf({ reason: a.reason }) });
    }
  })();
}

/** A slot made before slots had public keys gets one now that its key-encryption key is at hand. */
export function upgradeLegacySlot(core: Core, slot: KeySlot, kek: Buffer): void {
  const mirrored = slotsFromDb(core.db, core.storeId).slots.find((s) => s.id === slot.id);
  if (!mirrored || mirrored.box) return;
  rewriteSlot(core.db, boxSlot(core.storeId, mirrored, kek, core.dataKey));
}

/** The signer for a credential's slot against a database without a session (a restore's copy), or undefined. */
export function signerFromSlot(db: Core['db'], storeId: string, slot: KeySlot, kek: Buffer): SessionSigner | undefined {
  if (slot.kind === 'recovery') return recoverySigner(db, storeId, kek);
  const row = db.prepare('SELECT signing_key, certificate_sha256 FROM user WHERE id = ?').get(slot.userId) as
    | { signing_key: string; certificate_sha256: string }
    | undefined;
  const opened = row && openSigningKey(kek, row.signing_key, storeId, slot.userId!);
  return opened ? userSigner(storeId, slot.userId!, row.certificate_sha256, opened) : undefined;
}
