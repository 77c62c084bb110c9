import { existsSync, readFileSync } from 'node:fs';
import { auditHead, auditSignerOf } from './audit';
import type { Db } from './db';
import { KeySlotFileSchema, type SignedHead } from './keyslots';
import { publicKeyFor, signBytes, signedMessage, verifyBytes } from './audit-signer';
import type { StorePaths } from './paths';
import type { SessionSigner } from './audit-signer';

/**
 * The signed head: the audit log's event count and last hash, signed by the session that wrote
 * the last event, kept in the key slots file (outside the database) and rewritten after every
 * audited change. A database whose chain is shorter than the head, or differs at the head's
 * event, was cut back or rewritten behind the app's back.
 */
export function headText(head: Pick<SignedHead, 'seq' | 'hash' | 'at'>): string {
  return `${head.seq}\n${head.hash}\n${head.at}`;
}

/** The head of the database's chain, signed by the session's key when it has one. */
export function signedHeadOf(db: Db, storeId: string, at = new Date().toISOString()): SignedHead {
  const { seq, hash } = auditHead(db);
  const head: SignedHead = { seq, hash, at };
  const signer = auditSignerOf(db) as SessionSigner | undefined;
  if (signer?.privateKey) {
    head.signer = signer.signer;
    head.keyId = signer.keyId;
    head.sig = signBytes(signer.privateKey, signedMessage('head', storeId, headText(head)));
  }
  return head;
}

/** The head as the key slots file holds it (undefined when absent, or when the file cannot be read). */
export function readSignedHead(paths: StorePaths): SignedHead | undefined {
  if (!existsSync(paths.keySlots)) return undefined;
  try {
    return KeySlotFileSchema.parse(JSON.parse(readFileSync(paths.keySlots, 'utf8'))).auditHead;
  } catch {
    return undefined;
  }
}

/**
 * Why a head does not fit the chain in the database, or undefined when it does. The chain may
 * be longer than the head (a crash between a commit and the file write), never shorter, and
 * the event at the head's seq must be the one the head names, signed by whoever signed it.
 */
export interface HeadProblem {
  code: 'head-cut-off' | 'head-rewritten' | 'head-unverified' | 'head-missing';
  reason: string;
}

export function headMismatch(db: Db, storeId: string, head: SignedHead): HeadProblem | undefined {
  const row = db.prepare('SELECT * FROM audit_event WHERE seq = ?').get(head.seq) as Record<string, unknown> | undefined;
  const last = auditHead(db);
  if (head.seq > last.seq) {
    return { code: 'head-cut-off', reason: `the audit log ends at event ${last.seq} but its signed head names event ${head.seq}: the end of the log was cut off` };
  }
  if (head.seq > 0 && (!row || row.hash !== head.hash)) {
    return { code: 'head-rewritten', reason: `event ${head.seq} is not the one the signed head names: the log was rewritten` };
  }
  const unverified = (reason: string): HeadProblem => ({ code: 'head-unverified', reason });
  const eventSigner = (row?.signer as string | null | undefined) ?? undefined;
  if (!head.sig || !head.signer || !head.keyId) {
    return eventSigner ? unverified(`the signed head for event ${head.seq} carries no signature`) : undefined;
  }
  if (head.signer !== eventSigner) return unverified(`the head for event ${head.seq} was signed by someone other than that event's signer`);
  const key = publicKeyFor(db, head.signer, head.keyId);
  if (typeof key === 'string') return unverified(`the signed head cannot be checked: ${key}`);
  if (!verifyBytes(key, signedMessage('head', storeId, headText(head)), head.sig)) return unverified('the signature on the audit head does not verify');
  return undefined;
}

