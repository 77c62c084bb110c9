import { latestDigests, verifyChain, type AuditVerification, type BrokenLink } from './audit';
import { headMismatch, readSignedHead } from './audit-head';
import type { Assessments } from './assessments';
import type { Attachments } from './attachments';
import type { Core } from './core';
import type { SignedHead } from './keyslots';
import { userDigest, type Users } from './users';
import { signingSince, verifySignatures } from './verify-signatures';
import { verifyCertificates, verifyKeySlots, verifyTriggers, verifyAttachmentsPresent, verifyAlarms } from './verify-parts';

export interface AuditCheck {
  /** What was checked: 'chain', 'signatures', 'head', 'triggers', 'assessments', 'users', 'certificates', 'key slots', 'attachments', 'alarms'. */
  check: string;
  ok: boolean;
  /** One line for a person: what was found. */
  detail: string;
}

/**
 * What `audit-log verify` answers (and what an API handler can return as is): `ok`, the chain's
 * length and head, the signed head kept outside the database, the first broken link (lowest seq
 * first), every problem found, and one line per check.
 */
export interface StoreAuditReport extends AuditVerification {
  signedHead?: SignedHead;
  /** Events up to this seq were written before signing was introduced (0: every event is signed). */
  signingSince: number;
  /** Events whose signature verified. */
  signedEvents: number;
  problems: BrokenLink[];
  checks: AuditCheck[];
}

/**
 * Walks the hash chain and the signatures, checks the signed head kept outside the database and
 * the triggers that forbid changing the log, then that what the store holds now (assessments,
 * users, certificates, key slots, attachments) is what the chain last recorded for each. A row
 * changed, added or deleted behind the app's back (with the key, outside Carefile) shows as a
 * state that no audit event accounts for; a log rewritten by one person shows as other people's
 * events whose signatures no longer verify.
 */
export function verifyStoreAudit(core: Core, assessments: Assessments, attachments: Attachments, users: Users): StoreAuditReport {
  const db = core.db;
  const chain = verifyChain(db);
  const signedHead = readSignedHead(core.paths);
  const checks: AuditCheck[] = [];
  const problems: BrokenLink[] = [];
  const add = (check: string, found: BrokenLink[], okDetail: string) => {
    checks.push({ check, ok: found.length === 0, detail: found.length === 0 ? okDetail : `${found[0]!.reason}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}` });
    problems.push(...found);
  };
  add('chain', chain.firstBroken ? [chain.firstBroken] : [], `${count(chain.events, 'event')} linked, head ${chain.head.seq} ${chain.head.hash}`);
  if (!chain.ok) {
    return { ...chain, signedHead, signingSince: signingSince(db), signedEvents: 0, problems, checks };
  }

  const sigs = verifySignatures(db, core.storeId);
  add('signatures', sigs.broken, `${count(sigs.signed, 'event')} signed by keys this store knows${sigs.since > 0 ? `; events 1-${sigs.since} were written before signing was introduced` : ''}`);

  const head: BrokenLink[] = [];
  if (signedHead) {
    const problem = headMismatch(db, core.storeId, signedHead);
    if (problem) head.push({ seq: Math.min(signedHead.seq, chain.head.seq) || undefined, reason: problem.reason });
  } else if (sigs.signed > 0) {
    head.push({ reason: 'the signed audit head is missing from the key slots file' });
  }
  add('head', head, signedHead ? `signed head at event ${signedHead.seq} matches the log` : 'no signed head yet (no signed event)');
  add('alarms', verifyAlarms(db), 'no tampering noticed at any unlock');
  add('triggers', verifyTriggers(db), 'UPDATE and DELETE on the audit log are refused by trigger');

  const inAssessments: BrokenLink[] = [];
  const recorded = latestDigests(db, 'assessment');
  for (const id of assessments.ids()) {
    const last = recorded.get(id);
    let digest: string | undefined;
    try {
      digest = assessments.digest(id);
    } catch {
      digest = undefined;
    }
    if (!last) inAssessments.push({ entityType: 'assessment', entityId: id, reason: `assessment ${id} has no audit event` });
    else if (digest !== last.digest) {
      inAssessments.push({ seq: last.seq, entityType: 'assessment', entityId: id, reason: `assessment ${id} was changed outside Carefile after event ${last.seq}` });
    }
    recorded.delete(id);
  }
  for (const [id, last] of recorded) {
    inAssessments.push({ seq: last.seq, entityType: 'assessment', entityId: id, reason: `assessment ${id} was deleted outside Carefile after event ${last.seq}` });
  }
  add('assessments', inAssessments, `${count(assessments.ids().length, 'assessment')} as last recorded`);

  const inUsers: BrokenLink[] = [];
  const userEvents = latestDigests(db, 'user');
  const allUsers = users.list({ includeRemoved: true });
  for (const user of allUsers) {
    const last = userEvents.get(user.id);
    if (!last || last.digest !== userDigest(user)) {
      inUsers.push({ seq: last?.seq, entityType: 'user', entityId: user.id, reason: `user ${user.name} was changed outside Carefile` });
    }
    userEvents.delete(user.id);
  }
  for (const [id, last] of userEvents) {
    inUsers.push({ seq: last.seq, entityType: 'user', entityId: id, reason: `user ${id} was deleted outside Carefile after event ${last.seq}` });
  }
  add('users', inUsers, `${count(allUsers.length, 'user')} as last recorded`);

  add('certificates', verifyCertificates(db), 'every certificate was issued through Carefile');
  add('key slots', verifyKeySlots(db, core), 'one key slot per current user and one recovery slot, each added through Carefile');
  const files = verifyAttachmentsPresent(db);
  for (const sha of attachments.damaged()) {
    files.push({ seq: latestDigests(db, 'attachment').get(sha)?.seq, entityType: 'attachment', entityId: sha, reason: `attachment ${sha} no longer matches its SHA-256` });
  }
  add('attachments', files, 'every attachment present, with the bytes its SHA-256 names');

  if (problems.length === 0) return { ...chain, signedHead, signingSince: sigs.since, signedEvents: sigs.signed, problems, checks };
  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return { ...chain, ok: false, firstBroken: problems[0], signedHead, signingSince: sigs.since, signedEvents: sigs.signed, problems, checks };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
