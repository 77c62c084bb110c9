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
  for (const row of db.prepare('SELECT * FROM audit_event ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const e = fromRow(row);
    const at = { seq: e.seq, entityType: e.entityType, entityId: e.entityId };
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
