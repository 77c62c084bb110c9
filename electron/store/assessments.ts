import { randomUUID } from 'node:crypto';
import { Assessment, type AssessmentInput } from '../../shared/domain/model';
import type { Db } from './db';
import { appendAudit } from './audit';
import { canonicalJson, digestOf } from './canonical';
import { AssessmentLockedError, InvalidInputError, NotFoundError, StoreUnavailableError } from './errors';

export interface AssessmentSummary {
  id: string;
  reference: string;
  nameLatin: string;
  status: Assessment['status'];
  stage: Assessment['stage'];
  updatedOn: string;
}

const LOCKED_STATUSES = new Set<Assessment['status']>(['signed', 'authorised']);

/** Signed (or authorised): the content is frozen; only signatures, review, addenda and status may grow. */
export function isLocked(a: Assessment): boolean {
  return LOCKED_STATUSES.has(a.status) || a.signatures.length > 0;
}

/** What a signature covers: everything except what may still change after signing. */
export function signedContentDigest(a: Assessment): string {
  const { status: _s, updatedOn: _u, signatures: _sig, review: _r, addenda: _a, ...content } = a;
  return digestOf(content);
}

function isPrefix<T>(before: T[], after: T[]): boolean {
  return before.length <= after.length && before.every((b, i) => canonicalJson(b) === canonicalJson(after[i]));
}

function parseAssessment(input: unknown): Assessment {
  const parsed = Assessment.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw new InvalidInputError(`The assessment is not valid: ${field ? `${field}: ` : ''}${issue.message}`, field || undefined);
  }
  const a = parsed.data;
  for (const [name, list] of [
    ['participants', a.participants],
    ['sessions', a.sessions],
    ['evidence', a.evidence],
    ['adversePoints', a.adversePoints],
    ['addenda', a.addenda],
  ] as const) {
    const seen = new Set<string>();
    for (const [i, item] of list.entries()) {
      if (seen.has(item.id)) throw new InvalidInputError(`Two ${name} share the id ${item.id}.`, `${name}.${i}.id`);
      seen.add(item.id);
    }
  }
  return a;
}

type Row = Record<string, unknown> & { data: string };

export class Assessments {
  constructor(
    private readonly db: Db,
    private readonly defaultActor: () => string,
  ) {}

  /** Creates or replaces an assessment, with its audit event, in one transaction. Returns the stored form. */
  put(input: AssessmentInput | Assessment, actor = this.defaultActor()): Assessment {
    const next = parseAssessment(input);
    return this.db.transaction(() => {
      const current = this.get(next.id);
      if (current && isLocked(current)) {
        const frozenOk =
          signedContentDigest(current) === signedContentDigest(next) &&
          LOCKED_STATUSES.has(next.status) &&
          isPrefix(current.signatures, next.signatures) &&
          isPrefix(current.review.comments, next.review.comments) &&
          isPrefix(current.addenda, next.addenda);
        if (!frozenOk) throw new AssessmentLockedError(next.id);
      }
      const digest = digestOf(next);
      if (current && digestOf(current) === digest) return current;
      this.write(next, digest);
      appendAudit(this.db, {
        actor,
        action: current ? 'assessment.update' : 'assessment.create',
        entityType: 'assessment',
        entityId: next.id,
        digest,
      });
      return next;
    })();
  }

  get(id: string): Assessment | undefined {
    const head = this.db.prepare('SELECT data FROM assessment WHERE id = ?').get(id) as Row | undefined;
    if (!head) return undefined;
    const rows = (table: string) =>
      (this.db.prepare(`SELECT data FROM ${table} WHERE assessment_id = ? ORDER BY ord`).all(id) as Row[]).map((r) =>
        JSON.parse(r.data),
      );
    const one = (table: string) => {
      const r = this.db.prepare(`SELECT data FROM ${table} WHERE assessment_id = ?`).get(id) as Row | undefined;
      return r ? JSON.parse(r.data) : undefined;
    };
    const data = JSON.parse(head.data) as Record<string, unknown> & { review: Record<string, unknown> };
    const whole = {
      ...data,
      youngPerson: one('young_person'),
      participants: rows('participant'),
      sessions: rows('session'),
      evidence: rows('evidence_item'),
      adversePoints: rows('adverse_point'),
      decision: one('decision'),
      safeguardLog: rows('safeguard_log'),
      departures: rows('departure'),
      review: { ...data.review, comments: rows('review_comment') },
      signatures: rows('signature'),
      addenda: rows('addendum'),
    };
    const parsed = Assessment.safeParse(whole);
    if (!parsed.success) throw new StoreUnavailableError(`Assessment ${id} is damaged in the store (it no longer matches the model).`);
    return parsed.data;
  }

  list(): AssessmentSummary[] {
    return this.db
      .prepare(
        `SELECT a.id, a.reference, y.name_latin AS nameLatin, a.status, a.stage, a.updated_on AS updatedOn
         FROM assessment a JOIN young_person y ON y.assessment_id = a.id ORDER BY a.updated_on DESC, a.id`,
      )
      .all() as AssessmentSummary[];
  }

  /** A correction to an assessment (the only way to change a signed one). Audited; sign it with signAddendum. */
  addAddendum(assessmentId: string, text: string, actor = this.defaultActor(), createdBy = actor): Assessment {
    if (!text.trim()) throw new InvalidInputError('An addendum needs some text.', 'text');
    return this.db.transaction(() => {
      const current = this.require(assessmentId);
      const now = new Date().toISOString();
      const next = parseAssessment({
        ...current,
        updatedOn: now,
        addenda: [...current.addenda, { id: randomUUID(), text, createdOn: now, createdBy }],
      });
      return this.writeAudited(next, actor, 'addendum.add');
    })();
  }

  signAddendum(assessmentId: string, addendumId: string, actor = this.defaultActor()): Assessment {
    return this.db.transaction(() => {
      const current = this.require(assessmentId);
      const target = current.addenda.find((x) => x.id === addendumId);
      if (!target) throw new NotFoundError(`There is no addendum ${addendumId} on assessment ${assessmentId}.`);
      if (target.signedOn) throw new AssessmentLockedError(`${assessmentId} addendum ${addendumId}`);
      const now = new Date().toISOString();
      const next = parseAssessment({
        ...current,
        updatedOn: now,
        addenda: current.addenda.map((x) => (x.id === addendumId ? { ...x, signedOn: now } : x)),
      });
      return this.writeAudited(next, actor, 'addendum.sign');
    })();
  }

  /** Current stored digest of an assessment (for the audit verifier). */
  digest(id: string): string | undefined {
    const a = this.get(id);
    return a ? digestOf(a) : undefined;
  }

  ids(): string[] {
    return (this.db.prepare('SELECT id FROM assessment ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  }

  private require(id: string): Assessment {
    const a = this.get(id);
    if (!a) throw new NotFoundError(`There is no assessment ${id}.`);
    return a;
  }

  private writeAudited(next: Assessment, actor: string, action: string): Assessment {
    const digest = digestOf(next);
    this.write(next, digest);
    appendAudit(this.db, { actor, action, entityType: 'assessment', entityId: next.id, digest });
    return next;
  }

  private write(a: Assessment, digest: string): void {
    const db = this.db;
    const {
      youngPerson,
      participants,
      sessions,
      evidence,
      adversePoints,
      decision,
      safeguardLog,
      departures,
      review,
      signatures,
      addenda,
      ...rest
    } = a;
    const { comments, ...reviewRest } = review;
    const id = a.id;
    db.prepare(
      `INSERT INTO assessment (id, reference, status, stage, created_on, updated_on, locked, digest, data)
       VALUES (@id, @reference, @status, @stage, @createdOn, @updatedOn, @locked, @digest, @data)
       ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, status = excluded.status, stage = excluded.stage,
         created_on = excluded.created_on, updated_on = excluded.updated_on, locked = excluded.locked,
         digest = excluded.digest, data = excluded.data`,
    ).run({
      id,
      reference: a.reference,
      status: a.status,
      stage: a.stage,
      createdOn: a.createdOn,
      updatedOn: a.updatedOn,
      locked: isLocked(a) ? 1 : 0,
      digest,
      data: JSON.stringify({ ...rest, review: reviewRest }),
    });
    for (const table of [
      'young_person',
      'participant',
      'session',
      'evidence_item',
      'adverse_point',
      'decision',
      'safeguard_log',
      'departure',
      'review_comment',
      'signature',
      'addendum',
    ]) {
      db.prepare(`DELETE FROM ${table} WHERE assessment_id = ?`).run(id);
    }
    const j = JSON.stringify;
    db.prepare(
      'INSERT INTO young_person (assessment_id, id, name_latin, name_own_script, nationality, data) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, youngPerson.id, youngPerson.nameLatin, youngPerson.nameOwnScript ?? null, youngPerson.nationality ?? null, j(youngPerson));
    const ins = (sql: string) => db.prepare(sql);
    const p = ins('INSERT INTO participant (assessment_id, ord, id, role, user_id, data) VALUES (?, ?, ?, ?, ?, ?)');
    participants.forEach((x, i) => p.run(id, i, x.id, x.role, x.userId ?? null, j(x)));
    const s = ins('INSERT INTO session (assessment_id, ord, id, start, end, data) VALUES (?, ?, ?, ?, ?, ?)');
    sessions.forEach((x, i) => s.run(id, i, x.id, x.start, x.end, j(x)));
    const e = ins('INSERT INTO evidence_item (assessment_id, ord, id, kind, weight, rejected, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const ea = ins('INSERT INTO evidence_attachment (assessment_id, evidence_id, sha256) VALUES (?, ?, ?)');
    evidence.forEach((x, i) => {
      e.run(id, i, x.id, x.kind, x.weight, x.rejected ? 1 : 0, j(x));
      for (const att of x.attachments) ea.run(id, x.id, att.sha256);
    });
    const ap = ins('INSERT INTO adverse_point (assessment_id, ord, id, put_on, data) VALUES (?, ?, ?, ?, ?)');
    adversePoints.forEach((x, i) => ap.run(id, i, x.id, x.putOn ?? null, j(x)));
    if (decision) {
      db.prepare(
        'INSERT INTO decision (assessment_id, outcome, age_low, age_high, date_of_birth, decided_on, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(id, decision.outcome, decision.ageLow, decision.ageHigh, decision.dateOfBirth, decision.decidedOn, j(decision));
    }
    const sl = ins('INSERT INTO safeguard_log (assessment_id, ord, safeguard, used, data) VALUES (?, ?, ?, ?, ?)');
    safeguardLog.forEach((x, i) => sl.run(id, i, x.safeguard, x.used ? 1 : 0, j(x)));
    const d = ins('INSERT INTO departure (assessment_id, ord, rule_id, data) VALUES (?, ?, ?, ?)');
    departures.forEach((x, i) => d.run(id, i, x.ruleId, j(x)));
    const rc = ins('INSERT INTO review_comment (assessment_id, ord, outcome, data) VALUES (?, ?, ?, ?)');
    comments.forEach((x, i) => rc.run(id, i, x.outcome, j(x)));
    const sg = ins(
      'INSERT INTO signature (assessment_id, ord, user_id, role, signed_on, certificate_sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    signatures.forEach((x, i) => sg.run(id, i, x.userId, x.role, x.signedOn, x.certificateSha256, j(x)));
    const ad = ins('INSERT INTO addendum (assessment_id, ord, id, created_on, signed_on, data) VALUES (?, ?, ?, ?, ?, ?)');
    addenda.forEach((x, i) => ad.run(id, i, x.id, x.createdOn, x.signedOn ?? null, j(x)));
  }
}
