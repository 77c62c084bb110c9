/**
 * Schema v4: the signed record kept with its assessment (docs/decisions/record-stored-signed-record.md).
 * One row per assessment: the latest signed PDF (each later signature is an incremental update, so
 * the latest revision contains every earlier one byte for byte), encrypted with the rest of the
 * database. Frozen once released: add a v5 step rather than editing this one.
 */
export const SCHEMA_V4 = `
CREATE TABLE signed_record (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  signatures INTEGER NOT NULL,
  stored_on TEXT NOT NULL
);
`;
