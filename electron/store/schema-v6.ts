/**
 * Schema v6: drafts (docs/decisions/ui-02-drafts-in-the-store.md).
 *
 * What an assessor has typed into a part but not yet saved, one row per user, assessment and
 * part, so a reload, a crashed tab, a lock or a navigation loses nothing. It lives in the
 * encrypted database like everything else (never in the browser's storage). Drafts are working
 * copies, not the record: they are not audited and a part save discards them.
 * `assessment_id` is `new` for the new-assessment form (no assessment exists yet).
 */
export const SCHEMA_V6 = `
CREATE TABLE draft (
  user_id TEXT NOT NULL,
  assessment_id TEXT NOT NULL,
  part TEXT NOT NULL,
  content TEXT NOT NULL,
  saved_on TEXT NOT NULL,
  PRIMARY KEY (user_id, assessment_id, part)
) WITHOUT ROWID;
`;
