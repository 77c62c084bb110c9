import type { Db } from './db';
import { eventHash, GENESIS_HASH, type AuditEvent } from './audit';
import { digestOf } from './canonical';

/**
 * Schema v2: signed audit events (docs/decisions/store-06-signed-audit-events.md).
 *
 * Adds the signer, key id and signature columns, the table of non-certificate signing keys
 * (the recovery key's), and, in a store that already has a history, the migration point: one
 * unsigned event per certificate and key slot that exists (so later checks can account for
 * them), then `audit.signing-begins`, whose seq goes into meta.signing_since. Events up to that
 * point verify as "before signing was introduced"; every later event must be signed.
 *
 * Frozen: this step writes its events with its own INSERT, not appendAudit, so that later
 * changes to appendAudit cannot change what this step did.
 */
export const SCHEMA_V2 = `
ALTER TABLE audit_event ADD COLUMN signer TEXT;
ALTER TABLE audit_event ADD COLUMN key_id TEXT;
ALTER TABLE audit_event ADD COLUMN sig TEXT;
CREATE TABLE audit_key (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('recovery')),
  public_key BLOB NOT NULL,
  -- the private key, sealed under the recovery slot's key-encryption key (never in clear)
  sealed TEXT NOT NULL,
  created_on TEXT NOT NULL
);
-- data keys retired by a rotation (rekey.ts), kept encrypted under the current key so that a
-- backup made before the rotation can still be restored by whoever can open the store today
CREATE TABLE retired_key (
  id TEXT PRIMARY KEY,
  key BLOB NOT NULL,
  retired_on TEXT NOT NULL
);
`;

export function migrateToV2(db: Db, now = new Date().toISOString()): void {
  db.exec(SCHEMA_V2);
  const last = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  if (!last) {
    // A new store: signing starts with its first event.
    db.prepare("INSERT INTO meta (key, value) VALUES ('signing_since', '0')").run();
    return;
  }
  let head = last;
  const insert = db.prepare(
    `INSERT INTO audit_event (seq, at, actor, action, entity_type, entity_id, digest, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entityType, @entityId, @digest, @prevHash, @hash)`,
  );
  const append = (action: string, entityType: string, entityId: string, digest: string) => {
    const partial: Omit<AuditEvent, 'hash'> = { seq: head.seq + 1, at: now, actor: 'migration', action, entityType, entityId, digest, prevHash: head.hash ?? GENESIS_HASH };
    const hash = eventHash(partial);
    insert.run({ ...partial, hash });
    head = { seq: partial.seq, hash };
  };
  for (const c of db.prepare('SELECT sha256, user_id FROM user_certificate ORDER BY issued_on, sha256').all() as Array<{ sha256: string; user_id: string }>) {
    append('certificate.known', 'certificate', c.sha256, digestOf({ userId: c.user_id, sha256: c.sha256 }));
  }
  for (const s of db.prepare('SELECT id, kind, user_id FROM key_slot ORDER BY kind DESC, id').all() as Array<{ id: string; kind: string; user_id: string | null }>) {
    append('keyslot.known', 'keyslot', s.id, keySlotDigest(s.kind, s.user_id ?? undefined));
  }
  append('audit.signing-begins', 'store', 'audit', digestOf({ previousHead: last }));
  db.prepare("INSERT INTO meta (key, value) VALUES ('signing_since', ?)").run(String(head.seq));
}

/** What a key slot's audit events record about it: its kind and its user, never the wrapped key. */
export function keySlotDigest(kind: string, userId: string | undefined): string {
  return digestOf({ kind, userId });
}
