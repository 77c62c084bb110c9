/**
 * Schema v1. One table per entity of the assessment (shared/domain/model.ts), with the columns
 * that are queried or constrained; `data` holds the rest of the element as JSON, validated with
 * the zod model on write and on read.
 */
export const SCHEMA_V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_on TEXT NOT NULL);

CREATE TABLE user (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'assessor', 'manager')),
  created_on TEXT NOT NULL,
  removed_on TEXT,
  certificate_sha256 TEXT NOT NULL,
  -- the private signing key, sealed under a key derived from the user's passphrase (never in clear)
  signing_key TEXT NOT NULL
);
CREATE UNIQUE INDEX user_active_name ON user (name COLLATE NOCASE) WHERE removed_on IS NULL;

-- every certificate ever issued stays, so old signatures can still be checked
CREATE TABLE user_certificate (
  sha256 TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user (id),
  der BLOB NOT NULL,
  issued_on TEXT NOT NULL
);

CREATE TABLE key_slot (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'recovery')),
  user_id TEXT REFERENCES user (id),
  data TEXT NOT NULL
);

CREATE TABLE unlock_attempt (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('failed', 'succeeded'))
);

CREATE TABLE assessment (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  status TEXT NOT NULL,
  stage TEXT NOT NULL,
  created_on TEXT NOT NULL,
  updated_on TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  digest TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX assessment_reference ON assessment (reference);
-- no index on updated_on: listing sorts a few thousand rows in memory, and every save would
-- otherwise write (and encrypt) one more page

CREATE TABLE young_person (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name_latin TEXT NOT NULL,
  name_own_script TEXT,
  nationality TEXT,
  data TEXT NOT NULL
);

CREATE TABLE participant (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  role TEXT NOT NULL,
  user_id TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord),
  UNIQUE (assessment_id, id)
);

CREATE TABLE session (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord),
  UNIQUE (assessment_id, id)
);

CREATE TABLE evidence_item (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  weight TEXT NOT NULL,
  rejected INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord),
  UNIQUE (assessment_id, id)
);

CREATE TABLE evidence_attachment (
  assessment_id TEXT NOT NULL,
  evidence_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  FOREIGN KEY (assessment_id, evidence_id) REFERENCES evidence_item (assessment_id, id) ON DELETE CASCADE
);
CREATE INDEX evidence_attachment_sha ON evidence_attachment (sha256);

CREATE TABLE adverse_point (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  put_on TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord),
  UNIQUE (assessment_id, id)
);

CREATE TABLE decision (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  outcome TEXT NOT NULL CHECK (outcome IN ('child', 'adult')),
  age_low INTEGER NOT NULL,
  age_high INTEGER NOT NULL,
  date_of_birth TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  data TEXT NOT NULL
);

CREATE TABLE safeguard_log (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  safeguard TEXT NOT NULL,
  used INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord)
);

CREATE TABLE departure (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord)
);

CREATE TABLE review_comment (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord)
);

CREATE TABLE signature (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  certificate_sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord)
);

CREATE TABLE addendum (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  created_on TEXT NOT NULL,
  signed_on TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (assessment_id, ord),
  UNIQUE (assessment_id, id)
);

CREATE TABLE attachment (
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain')),
  size INTEGER NOT NULL CHECK (size >= 0 AND size <= 26214400),
  created_on TEXT NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE audit_event (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, seq);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
`;
