import type { Db } from './db';

export interface Draft {
  content: unknown;
  savedOn: string;
}

/**
 * Drafts of parts being typed (schema-v3.ts), each person's own: every call names the signed-in
 * user, so one assessor never sees another's unsaved words.
 */
export class Drafts {
  constructor(
    private readonly db: Db,
    private readonly userOf: () => string,
  ) {}

  save(assessmentId: string, part: string, content: unknown, now = new Date().toISOString()): { savedOn: string } {
    this.db
      .prepare(
        `INSERT INTO draft (user_id, assessment_id, part, content, saved_on) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, assessment_id, part) DO UPDATE SET content = excluded.content, saved_on = excluded.saved_on`,
      )
      .run(this.userOf(), assessmentId, part, JSON.stringify(content), now);
    return { savedOn: now };
  }

  get(assessmentId: string, part: string): Draft | undefined {
    const row = this.db.prepare('SELECT content, saved_on FROM draft WHERE user_id = ? AND assessment_id = ? AND part = ?').get(this.userOf(), assessmentId, part) as
      | { content: string; saved_on: string }
      | undefined;
    return row ? { content: JSON.parse(row.content) as unknown, savedOn: row.saved_on } : undefined;
  }

  /** The parts of one assessment with a draft of this user's, and when each was saved. */
  list(assessmentId: string): Array<{ part: string; savedOn: string }> {
    const rows = this.db.prepare('SELECT part, saved_on FROM draft WHERE user_id = ? AND assessment_id = ? ORDER BY part').all(this.userOf(), assessmentId) as Array<{
      part: string;
      saved_on: string;
    }>;
    return rows.map((r) => ({ part: r.part, savedOn: r.saved_on }));
  }

  discard(assessmentId: string, part: string): boolean {
    return this.db.prepare('DELETE FROM draft WHERE user_id = ? AND assessment_id = ? AND part = ?').run(this.userOf(), assessmentId, part).changes > 0;
  }
}
