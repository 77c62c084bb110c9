/**
 * Schema v3: signed bundles (docs/bundle-format.md, docs/decisions/bundle-01-cms-signature.md).
 *
 * `assessment_version` keeps every version of an assessment that an imported newer version
 * superseded (the whole assessment as canonical JSON), so earlier versions stay retrievable.
 * `bundle_signer` holds certificates an administrator chose to trust for signed bundles from
 * people who are not users of this store (a colleague's own store); each row counts only with its
 * audit event (`bundle-signer.trust`), so a row slipped in behind the app's back is not trusted.
 */
export const SCHEMA_V3 = `
CREATE TABLE assessment_version (
  assessment_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_on TEXT NOT NULL,
  superseded_on TEXT NOT NULL,
  digest TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, version)
);
CREATE TABLE bundle_signer (
  sha256 TEXT PRIMARY KEY,
  der BLOB NOT NULL,
  subject TEXT NOT NULL,
  added_on TEXT NOT NULL,
  added_by TEXT NOT NULL
);
`;
