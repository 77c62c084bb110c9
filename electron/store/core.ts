import type { Db } from './db';
import type { KdfParams } from './kdf';
import type { StorePaths } from './paths';
import { KeySlotSchema, writeKeySlots, type KeySlot, type KeySlotFile } from './keyslots';
import { ForbiddenError } from './errors';
import { appendAudit } from './audit';
import { signedHeadOf } from './audit-head';
import { digestOf } from './canonical';
import { keySlotDigest } from './schema-v2';

export type Role = 'admin' | 'assessor' | 'manager';

/** Who unlocked the store: a user with their passphrase, or whoever holds the recovery key (admin powers). */
export type Session =
  | { via: 'passphrase'; userId: string; name: string; displayName: string; role: Role }
  | { via: 'recovery-key'; name: 'recovery-key'; role: 'admin' };

/** What the repositories of an unlocked store share. */
export interface Core {
  db: Db;
  paths: StorePaths;
  storeId: string;
  dataKey: Buffer;
  kdf: KdfParams;
  session: Session;
}

export function actorOf(core: Core): string {
  return core.session.name;
}

export function requireAdmin(core: Core, what: string): void {
  if (core.session.role !== 'admin') throw new ForbiddenError(`Only an administrator may ${what}.`);
}

/** The key slots as the database mirrors them (the database is the authority once unlocked). */
export function slotsFromDb(db: Db, storeId: string): KeySlotFile {
  const rows = db.prepare('SELECT data FROM key_slot ORDER BY kind DESC, id').all() as Array<{ data: string }>;
  return { format: 'carefile-keyslots', version: 1, storeId, slots: rows.map((r) => KeySlotSchema.parse(JSON.parse(r.data))) };
}

/** Adds a key slot to the mirror, with its audit event (so a slot added behind the app's back has none). */
export function mirrorSlot(db: Db, slot: KeySlot, actor: string): void {
  db.prepare('INSERT INTO key_slot (id, kind, user_id, data) VALUES (?, ?, ?, ?)').run(
    slot.id,
    slot.kind,
    slot.kind === 'user' ? slot.userId! : null,
    JSON.stringify(slot),
  );
  appendAudit(db, { actor, action: 'keyslot.add', entityType: 'keyslot', entityId: slot.id, digest: keySlotDigest(slot.kind, slot.userId) });
}

/** Replaces a slot's wrapped key in the mirror (same slot, same owner): a box upgrade or a key rotation. */
export function rewriteSlot(db: Db, slot: KeySlot): void {
  db.prepare('UPDATE key_slot SET data = ? WHERE id = ?').run(JSON.stringify(slot), slot.id);
}

export function dropUserSlots(db: Db, userId: string, actor: string): void {
  for (const { id } of db.prepare('SELECT id FROM key_slot WHERE user_id = ?').all(userId) as Array<{ id: string }>) {
    db.prepare('DELETE FROM key_slot WHERE id = ?').run(id);
    appendAudit(db, { actor, action: 'keyslot.remove', entityType: 'keyslot', entityId: id, digest: digestOf({ removed: id }) });
  }
}

/** Adds a certificate for a user, with its audit event (a certificate without one is not known to this store). */
export function addCertificate(db: Db, cert: { sha256: string; userId: string; der: Uint8Array; issuedOn: string }, actor: string): void {
  const inserted = db
    .prepare('INSERT OR IGNORE INTO user_certificate (sha256, user_id, der, issued_on) VALUES (?, ?, ?, ?)')
    .run(cert.sha256, cert.userId, Buffer.from(cert.der), cert.issuedOn);
  if (inserted.changes === 0) return;
  appendAudit(db, { actor, action: 'certificate.add', entityType: 'certificate', entityId: cert.sha256, digest: certificateDigest(cert.userId, cert.sha256) });
}

export function certificateDigest(userId: string, sha256: string): string {
  return digestOf({ userId, sha256 });
}

/**
 * After a commit that changed slots or wrote audit events: the file beside the database follows
 * the mirror, and carries the audit log's new signed head.
 */
export function syncSlotsFile(core: Pick<Core, 'db' | 'paths' | 'storeId'>, extra: Pick<KeySlotFile, 'next'> = {}): void {
  writeKeySlots(core.paths, { ...slotsFromDb(core.db, core.storeId), auditHead: signedHeadOf(core.db, core.storeId), ...extra });
}
