import { randomUUID } from 'node:crypto';
import { Assessment, type AssessmentInput } from '../../shared/domain/model';
import { isLocked, openAfterSigning } from '../../shared/domain/workflow';
import type { Db } from './db';
import { appendAudit } from './audit';
import { canonicalJson, digestOf } from './canonical';
import { writeSummary } from './summary-write';
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

/** The workflow's one lock (shared/domain/workflow.ts), re-exported for the store's callers. */
export { isLocked };

/** What a signature covers: everything except what may still change after signing (the workflow's `openAfterSigning`). */
export function signedContentDigest(a: Assessment): string {
  const content: Record<string, unknown> = { ...a };
  for (const key of openAfterSigning) delete content[key];
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
      const digest = digestOf(next);
      const row = this.db.prepare('SELECT locked, digest FROM assessment WHERE id = ?').get(next.id) as
        | { locked: number; digest: string }
        | undefined;
      if (row && row.digest === digest && !row.locked) return next;
      // Only a locked assessment needs its stored form read back (to compare what is frozen).
      const current = row?.locked ? this.get(next.id) : undefined;
      if (current && isLocked(current)) {
        const frozenOk =
          signedContentDigest(current) === signedContentDigest(next) &&
          LOCKED_STATUSES.has(next.status) &&
          isPrefix(current.signatures, next.signatures) &&
          isPrefix(current.review.comments, next.review.comments) &&
          isPrefix(current.addenda, next.addenda);
        if (!frozenOk) throw new AssessmentLockedError(next.id);
      }
      if (current && digestOf(current) === digest) return current;
      this.write(next, digest);
      appendAudit(this.db, {
        actor,
        action: row ? 'assessment.update' : 'assessment.create',
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
  addAddendum(assessmentId: string, text: string, actor = this.defaultActor(), createdBy = actor, createdByUserId?: string): Assessment {
    if (!text.trim()) throw new InvalidInputError('An addendum needs some text.', 'text');
    return this.db.transaction(() => {
      const current = this.require(assessmentId);
      const now = new Date().toISOString();
      const next = parseAssessment({
        ...current,
        updatedOn: now,
        addenda: [...current.addenda, { id: randomUUID(), text, createdOn: now, createdBy, createdByUserId }],
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
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, stage = excluded.stage,
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
    // kept out of the upsert so its index is touched only when the reference really changes
    db.prepare('UPDATE assessment SET reference = ? WHERE id = ? AND reference <> ?').run(a.reference, id, a.reference);
    const j = JSON.stringify;
    this.syncOne('young_person', id, j(youngPerson), {
      id: youngPerson.id,
      name_latin: youngPerson.nameLatin,
      name_own_script: youngPerson.nameOwnScript ?? null,
      nationality: youngPerson.nationality ?? null,
    });
    this.syncOne(
      'decision',
      id,
      decision && j(decision),
      decision && {
        outcome: decision.outcome,
        age_low: decision.ageLow,
        age_high: decision.ageHigh,
        date_of_birth: decision.dateOfBirth,
        decided_on: decision.decidedOn,
      },
    );
    this.syncMany('participant', id, participants.map((x) => ({ data: j(x), cols: { id: x.id, role: x.role, user_id: x.userId ?? null } })));
    this.syncMany('session', id, sessions.map((x) => ({ data: j(x), cols: { id: x.id, start: x.start, end: x.end } })));
    const evidenceRewritten = this.syncMany(
      'evidence_item',
      id,
      evidence.map((x) => ({ data: j(x), cols: { id: x.id, kind: x.kind, weight: x.weight, rejected: x.rejected ? 1 : 0 } })),
    );
    this.syncAttachmentLinks(id, evidence, evidenceRewritten);
    this.syncMany('adverse_point', id, adversePoints.map((x) => ({ data: j(x), cols: { id: x.id, put_on: x.putOn ?? null } })));
    this.syncMany('safeguard_log', id, safeguardLog.map((x) => ({ data: j(x), cols: { safeguard: x.safeguard, used: x.used ? 1 : 0 } })));
    this.syncMany('departure', id, departures.map((x) => ({ data: j(x), cols: { rule_id: x.ruleId } })));
    this.syncMany('review_comment', id, comments.map((x) => ({ data: j(x), cols: { outcome: x.outcome } })));
    this.syncMany(
      'signature',
      id,
      signatures.map((x) => ({
        data: j(x),
        cols: { user_id: x.userId, role: x.role, signed_on: x.signedOn, certificate_sha256: x.certificateSha256 },
      })),
    );
    this.syncMany('addendum', id, addenda.map((x) => ({ data: j(x), cols: { id: x.id, created_on: x.createdOn, signed_on: x.signedOn ?? null } })));
    // The list's and the quality figures' summary, in this same transaction (summary-write.ts).
    writeSummary(db, a);
  }

  /** A 1:1 part: written only when it changed (every page not written is a page not encrypted). */
  private syncOne(table: string, assessmentId: string, data: string | undefined, cols: Record<string, unknown> | undefined): void {
    const existing = this.db.prepare(`SELECT data FROM ${table} WHERE assessment_id = ?`).get(assessmentId) as { data: string } | undefined;
    if (existing?.data === data) return;
    if (data === undefined || cols === undefined) {
      this.db.prepare(`DELETE FROM ${table} WHERE assessment_id = ?`).run(assessmentId);
      return;
    }
    const names = Object.keys(cols);
    this.db
      .prepare(`INSERT OR REPLACE INTO ${table} (assessment_id, ${names.join(', ')}, data) VALUES (?, ${names.map(() => '?').join(', ')}, ?)`)
      .run(assessmentId, ...Object.values(cols), data);
  }

  /**
   * A list part, kept in order. Unchanged rows are left alone and changed ones updated in place;
   * when ids moved between positions (a reorder) the list is rewritten, so UNIQUE(assessment_id, id)
   * never sees a transient duplicate. Returns true when the whole list was rewritten.
   */
  private syncMany(table: string, assessmentId: string, rows: Array<{ data: string; cols: Record<string, unknown> }>): boolean {
    const existing = this.db.prepare(`SELECT * FROM ${table} WHERE assessment_id = ? ORDER BY ord`).all(assessmentId) as Array<
      Record<string, unknown> & { ord: number; data: string }
    >;
    const hasId = rows.length > 0 ? 'id' in rows[0]!.cols : existing.length > 0 && 'id' in existing[0]!;
    const sameIds =
      !hasId || existing.every((old, i) => i >= rows.length || old.id === rows[i]!.cols.id);
    const names = rows.length > 0 ? Object.keys(rows[0]!.cols) : [];
    const insert = () =>
      this.db.prepare(`INSERT INTO ${table} (assessment_id, ord, ${names.join(', ')}, data) VALUES (?, ?, ${names.map(() => '?').join(', ')}, ?)`);
    if (!sameIds || (hasId && rows.length < existing.length && rows.some((r) => existing.slice(rows.length).some((o) => o.id === r.cols.id)))) {
      this.db.prepare(`DELETE FROM ${table} WHERE assessment_id = ?`).run(assessmentId);
      const ins = insert();
      rows.forEach((r, i) => ins.run(assessmentId, i, ...Object.values(r.cols), r.data));
      return true;
    }
    if (existing.length > rows.length) this.db.prepare(`DELETE FROM ${table} WHERE assessment_id = ? AND ord >= ?`).run(assessmentId, rows.length);
    // The id stays as it is (same by construction): SET-ting it would rewrite its index entry too.
    const setNames = names.filter((n) => n !== 'id');
    const update = this.db.prepare(
      `UPDATE ${table} SET ${[...setNames, 'data'].map((n) => `${n} = ?`).join(', ')} WHERE assessment_id = ? AND ord = ?`,
    );
    let ins: ReturnType<typeof insert> | undefined;
    rows.forEach((r, i) => {
      const old = existing[i];
      if (old?.data === r.data) return;
      if (old) update.run(...setNames.map((n) => r.cols[n]), r.data, assessmentId, i);
      else (ins ??= insert()).run(assessmentId, i, ...Object.values(r.cols), r.data);
    });
    return false;
  }

  private syncAttachmentLinks(assessmentId: string, evidence: Assessment['evidence'], rewritten: boolean): void {
    const wanted = evidence.flatMap((e) => e.attachments.map((att) => `${e.id}\u0000${att.sha256}`));
    if (!rewritten) {
      const have = (
        this.db.prepare('SELECT evidence_id, sha256 FROM evidence_attachment WHERE assessment_id = ? ORDER BY rowid').all(assessmentId) as Array<{
          evidence_id: string;
          sha256: string;
        }>
      ).map((r) => `${r.evidence_id}\u0000${r.sha256}`);
      if (have.length === wanted.length && have.every((h, i) => h === wanted[i])) return;
      this.db.prepare('DELETE FROM evidence_attachment WHERE assessment_id = ?').run(assessmentId);
    }
    const ins = this.db.prepare('INSERT INTO evidence_attachment (assessment_id, evidence_id, sha256) VALUES (?, ?, ?)');
    for (const e of evidence) for (const att of e.attachments) ins.run(assessmentId, e.id, att.sha256);
  }
}
