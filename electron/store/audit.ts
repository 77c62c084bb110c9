import type { Db } from './db';
import { canonicalJson, sha256Hex } from './canonical';
import { InvalidInputError } from './errors';

/**
 * The hash-chained audit log. Each event carries the hash of the one before it, so an event
 * altered, removed or inserted behind the app's back breaks the chain at that point.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** SHA-256 of the entity's new state (or of the change), hex. */
  digest: string;
}

export interface AuditEvent extends AuditInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  /** Who signed the event: a user id, or 'recovery' for the recovery key's signing key. Absent before signing began (schema v2). */
  signer?: string;
  /** Which key signed it: the signer's certificate SHA-256, or the recovery signing key's id. */
  keyId?: string;
  /** Base64 signature over the event hash (audit-signer.ts: eventSigningInput). */
  sig?: string;
}

/** What signs the events of one unlocked session (audit-signer.ts makes them). */
export interface AuditSigner {
  signer: string;
  keyId: string;
  sign(hash: string): string;
}

/**
 * The signer of each open database connection: set at unlock from the session's unsealed key,
 * so every appendAudit of that session signs without each caller passing the key along.
 */
const signers = new WeakMap<Db, AuditSigner>();

export function setAuditSigner(db: Db, signer: AuditSigner | undefined): void {
  if (signer) signers.set(db, signer);
  else signers.delete(db);
}

export function auditSignerOf(db: Db): AuditSigner | undefined {
  return signers.get(db);
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  digest: string;
  prev_hash: string;
  hash: string;
  signer?: string | null;
  key_id?: string | null;
  sig?: string | null;
}

/**
 * The hash covers every stored field but the hash and the signature (which signs the hash).
 * Signer and key id are left out when absent, so events written before signing began keep the
 * hash they were written with. Every field is well-formed text (appendAudit refuses anything
 * else), so the UTF-8 that SQLite stores is exactly the string hashed here.
 */
export function eventHash(e: Omit<AuditEvent, 'hash' | 'sig'>): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      digest: e.digest,
      prevHash: e.prevHash,
      signer: e.signer,
      keyId: e.keyId,
    }),
  );
}

export function fromRow(r: Row): AuditEvent {
  const e: AuditEvent = {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    digest: r.digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
  if (r.signer != null) e.signer = r.signer;
  if (r.key_id != null) e.keyId = r.key_id;
  if (r.sig != null) e.sig = r.sig;
  return e;
}
export type AuditRow = Row;

export function auditHead(db: Db): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Must be called inside the transaction that makes the change it records. Signed with the
 * session's key when the connection has one (every unlocked session does; see setAuditSigner).
 */
export function appendAudit(db: Db, input: AuditInput, at = new Date().toISOString()): AuditEvent {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  for (const [field, value] of Object.entries({ ...input, at })) {
    // A lone surrogate would be stored as U+FFFD: the stored event would never match its hash again.
    if (typeof value !== 'string' || !value.isWellFormed()) throw new InvalidInputError(`The audit event's ${field} is not well-formed text.`, field);
  }
  const head = auditHead(db);
  const signer = signers.get(db);
  const partial: Omit<AuditEvent, 'hash'> = { ...input, seq: head.seq + 1, at, prevHash: head.hash };
  if (signer) {
    partial.signer = signer.signer;
    partial.keyId = signer.keyId;
  }
  const hash = eventHash(partial);
  const event: AuditEvent = { ...partial, hash };
  if (signer) event.sig = signer.sign(hash);
  db.prepare(
    `INSERT INTO audit_event (seq, at, actor, action, entity_type, entity_id, digest, prev_hash, hash, signer, key_id, sig)
     VALUES (@seq, @at, @actor, @action, @entityType, @entityId, @digest, @prevHash, @hash, @signer, @keyId, @sig)`,
  ).run({ signer: null, keyId: null, sig: null, ...event });
  return event;
}

export function auditEvents(db: Db, opts: { entityType?: string; entityId?: string; limit?: number } = {}): AuditEvent[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (opts.entityType) {
    where.push('entity_type = ?');
    args.push(opts.entityType);
  }
  if (opts.entityId) {
    where.push('entity_id = ?');
    args.push(opts.entityId);
  }
  const sql = `SELECT * FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${opts.limit ? ` DESC LIMIT ${Math.floor(opts.limit)}` : ''}`;
  const rows = (db.prepare(sql).all(...args) as Row[]).map(fromRow);
  return opts.limit ? rows.reverse() : rows;
}

export interface BrokenLink {
  /** The first event that does not follow from the one before it (or whose content was altered). */
  seq?: number;
  entityType?: string;
  entityId?: string;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string };
  firstBroken?: BrokenLink;
}

/** Walks the chain from the first event; stops at, and names, the first broken link. */
export function verifyChain(db: Db): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_event ORDER BY seq').iterate() as IterableIterator<Row>) {
    const e = fromRow(row);
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      events: count,
      head: { seq: expectedSeq - 1, hash: prevHash },
      firstBroken: { seq: e.seq, entityType: e.entityType, entityId: e.entityId, reason },
    });
    if (e.seq !== expectedSeq) return fail(`event ${expectedSeq} is missing (found ${e.seq} next)`);
    if (e.prevHash !== prevHash) return fail(`event ${e.seq} does not link to the event before it`);
    if (eventHash(e) !== e.hash) return fail(`event ${e.seq} was altered after it was written`);
    prevHash = e.hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, events: count, head: { seq: expectedSeq - 1, hash: prevHash } };
}

/** The digest recorded by the latest event for each entity of a type. */
export function latestDigests(db: Db, entityType: string): Map<string, { seq: number; digest: string }> {
  const rows = db
    .prepare(
      `SELECT entity_id, seq, digest FROM audit_event a
       WHERE entity_type = ? AND seq = (SELECT max(seq) FROM audit_event b WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id)`,
    )
    .all(entityType) as Array<{ entity_id: string; seq: number; digest: string }>;
  return new Map(rows.map((r) => [r.entity_id, { seq: r.seq, digest: r.digest }]));
}
