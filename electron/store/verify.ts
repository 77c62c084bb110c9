import type { Db } from './db';
import { latestDigests, verifyChain, type AuditVerification, type BrokenLink } from './audit';
import type { Assessments } from './assessments';
import type { Attachments } from './attachments';
import { userDigest, type Users } from './users';

export type StoreAuditReport = AuditVerification;

/**
 * Walks the hash chain, then checks that what the store holds now is what the chain last
 * recorded for each assessment, user and attachment: a row altered behind the app's back (with
 * the key, outside Carefile) shows as a state that no audit event accounts for.
 */
export function verifyStoreAudit(db: Db, assessments: Assessments, attachments: Attachments, users: Users): StoreAuditReport {
  const chain = verifyChain(db);
  if (!chain.ok) return chain;
  const broken: BrokenLink[] = [];

  const recorded = latestDigests(db, 'assessment');
  for (const id of assessments.ids()) {
    const last = recorded.get(id);
    let digest: string | undefined;
    try {
      digest = assessments.digest(id);
    } catch {
      digest = undefined;
    }
    if (!last) broken.push({ entityType: 'assessment', entityId: id, reason: `assessment ${id} has no audit event` });
    else if (digest !== last.digest) {
      broken.push({ seq: last.seq, entityType: 'assessment', entityId: id, reason: `assessment ${id} was changed outside Carefile after event ${last.seq}` });
    }
    recorded.delete(id);
  }
  for (const [id, last] of recorded) {
    broken.push({ seq: last.seq, entityType: 'assessment', entityId: id, reason: `assessment ${id} was deleted outside Carefile after event ${last.seq}` });
  }

  const userEvents = latestDigests(db, 'user');
  for (const user of users.list({ includeRemoved: true })) {
    const last = userEvents.get(user.id);
    if (!last || last.digest !== userDigest(user)) {
      broken.push({ seq: last?.seq, entityType: 'user', entityId: user.id, reason: `user ${user.name} was changed outside Carefile` });
    }
  }

  const fileEvents = latestDigests(db, 'attachment');
  for (const sha of attachments.damaged()) {
    broken.push({ seq: fileEvents.get(sha)?.seq, entityType: 'attachment', entityId: sha, reason: `attachment ${sha} no longer matches its SHA-256` });
  }
  const stored = db.prepare('SELECT sha256 FROM attachment').all() as Array<{ sha256: string }>;
  for (const { sha256 } of stored) {
    if (!fileEvents.has(sha256)) broken.push({ entityType: 'attachment', entityId: sha256, reason: `attachment ${sha256} has no audit event` });
  }

  if (broken.length === 0) return chain;
  broken.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return { ...chain, ok: false, firstBroken: broken[0] };
}
