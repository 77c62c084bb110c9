import type { KeyObject } from 'node:crypto';
import { fromRow, type AuditRow, type BrokenLink } from './audit';
import { publicKeyFor, signedMessage, verifyBytes } from './audit-signer';
import type { Db } from './db';

/**
 * The one event that may stay unsigned after signing began: a restore made with the raw data key,
 * or with a credential whose key the (older) backup cannot unseal. It records no entity's state;
 * it shows in the log as a restore, which is what it is.
 */
function mayBeUnsigned(e: { action: string }): boolean {
  return e.action === 'store.restore';
}

/** Events that begin a session: their signer signs everything up to the next one. */
const SESSION_STARTS = new Set(['store.init', 'unlock', 'unlock.recovery-key', 'store.restore']);
/** Written at an unlock before its own unlock event (failures copied in, the recovery key's first signing key). */
const SESSION_EXEMPT = new Set(['unlock.failed', 'audit-key.add']);

function sameName(row: unknown, actor: string): boolean {
  const name = (row as { name?: string } | undefined)?.name;
  return name !== undefined && name.toLowerCase() === actor.toLowerCase();
}

export function signingSince(db: Db): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'signing_since'").get() as { value: string } | undefined;
  // Without the marker every event must be signed: deleting it makes old events fail, not pass.
  return row ? Number(row.value) : 0;
}

/**
 * Every event after the migration point is signed by a key this store knows for its signer, and
 * the signature covers the event's hash (which covers signer and key id). Events up to the point
 * are "before signing was introduced": they need no signature, but one present must verify.
 */
export function verifySignatures(db: Db, storeId: string): { broken: BrokenLink[]; signed: number; since: number } {
  const since = signingSince(db);
  const broken: BrokenLink[] = [];
  const keys = new Map<string, KeyObject | string>();
  let signed = 0;
  if (since > 0) {
    const marker = db.prepare('SELECT action FROM audit_event WHERE seq = ?').get(since) as { action: string } | undefined;
    if (marker?.action !== 'audit.signing-begins') {
      broken.push({ seq: since, reason: `event ${since}, where signing is said to begin, is not the migration point: the log was rewritten` });
    }
  }
  // One writer at a time (the single-writer lock), and each session signs with the key of whoever
  // unlocked it: so from an unlock by X to the next unlock, every event is signed by X. A rewrite
  // that re-signs someone else's events with the rewriter's key breaks this, or their unlock event.
  let sessionSigner: string | undefined;
  const nameOf = db.prepare('SELECT name FROM user WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit_event ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const e = fromRow(row);
    const at = { seq: e.seq, entityType: e.entityType, entityId: e.entityId };
    if (e.seq > since && e.signer) {
      if (SESSION_STARTS.has(e.action)) {
        sessionSigner = e.signer;
        const named = e.action === 'unlock.recovery-key' ? e.signer === 'recovery' : e.action === 'store.restore' || sameName(nameOf.get(e.signer), e.actor);
        if (!named) broken.push({ ...at, reason: `event ${e.seq} (${e.action} by ${e.actor}) is signed by someone else's key` });
      } else if (!SESSION_EXEMPT.has(e.action) && sessionSigner !== undefined && e.signer !== sessionSigner) {
        broken.push({ ...at, reason: `event ${e.seq} (${e.action}) is signed by someone other than the person whose session wrote it` });
      }
    } else if (e.action === 'store.restore' || e.action === 'audit.signing-begins') {
      sessionSigner = undefined;
    }
    if (!e.sig || !e.signer || !e.keyId) {
      if (e.seq > since && !mayBeUnsigned(e)) broken.push({ ...at, reason: `event ${e.seq} (${e.action}) is not signed, though signing began at event ${since}` });
      continue;
    }
    const cacheKey = `${e.signer}\n${e.keyId}`;
    let key = keys.get(cacheKey);
    if (key === undefined) {
      key = publicKeyFor(db, e.signer, e.keyId);
      keys.set(cacheKey, key);
    }
    if (typeof key === 'string') {
      broken.push({ ...at, reason: `event ${e.seq} (${e.action}) cannot be checked: ${key}` });
    } else if (!verifyBytes(key, signedMessage('event', storeId, e.hash), e.sig)) {
      broken.push({ ...at, reason: `event ${e.seq} (${e.action}) does not carry a valid signature by its signer` });
    } else {
      signed++;
    }
  }
  return { broken, signed, since };
}
