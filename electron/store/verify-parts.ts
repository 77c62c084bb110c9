import type { BrokenLink } from './audit';
import { sha256Hex } from './canonical';
import { certificateDigest, slotsFromDb, type Core } from './core';
import type { Db } from './db';
import { readKeySlots } from './keyslots';
import { keySlotDigest } from './schema-v2';
import { SCHEMA_V1 } from './schema-v1';

interface LatestEvent {
  seq: number;
  action: string;
  digest: string;
  signer: string | null;
}

/** The latest event for each entity of a type, with its action and signer. */
function latestEvents(db: Db, entityType: string): Map<string, LatestEvent> {
  const rows = db
    .prepare(
      `SELECT entity_id, seq, action, digest, signer FROM audit_event a
       WHERE entity_type = ? AND seq = (SELECT max(seq) FROM audit_event b WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id)`,
    )
    .all(entityType) as Array<LatestEvent & { entity_id: string }>;
  return new Map(rows.map((r) => [r.entity_id, r]));
}

/** Certificates and key slots are given by an administrator, the recovery key, or (their own) the user. */
function mayIssueFor(db: Db, signer: string | null, userId: string | undefined): boolean {
  if (signer === null) return true; // before signing began (the signatures check covers unsigned events after it)
  if (signer === 'recovery' || signer === userId) return true;
  const row = db.prepare('SELECT role FROM user WHERE id = ?').get(signer) as { role: string } | undefined;
  return row?.role === 'admin';
}

/**
 * Every certificate in user_certificate came through Carefile: its bytes hash to its name, and
 * an event signed by an administrator (or the user) added it for that user. A certificate added
 * behind the app's back is therefore not "known to this store", and a record signed with its
 * key does not verify as one.
 */
/** The certificates this store issued or imported itself (each with its event, from someone who may): the only ones "known". */
export function accountedCertificates(db: Db): Set<string> {
  const bad = new Set(verifyCertificates(db).filter((b) => b.entityType === 'certificate').map((b) => b.entityId));
  const all = (db.prepare('SELECT sha256 FROM user_certificate').all() as Array<{ sha256: string }>).map((r) => r.sha256);
  return new Set(all.filter((sha) => !bad.has(sha)));
}

export function verifyCertificates(db: Db): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const events = latestEvents(db, 'certificate');
  const rows = db.prepare('SELECT sha256, user_id, der FROM user_certificate ORDER BY sha256').all() as Array<{ sha256: string; user_id: string; der: Buffer }>;
  for (const c of rows) {
    const at = { entityType: 'certificate', entityId: c.sha256 };
    const last = events.get(c.sha256);
    if (sha256Hex(c.der) !== c.sha256) broken.push({ ...at, seq: last?.seq, reason: `certificate ${c.sha256.slice(0, 12)} was replaced outside Carefile` });
    else if (!last || last.digest !== certificateDigest(c.user_id, c.sha256)) {
      broken.push({ ...at, seq: last?.seq, reason: `certificate ${c.sha256.slice(0, 12)} was added outside Carefile: it is not known to this store` });
    } else if (!mayIssueFor(db, last.signer, c.user_id)) {
      broken.push({ ...at, seq: last.seq, reason: `certificate ${c.sha256.slice(0, 12)} was added by someone who may not issue certificates (event ${last.seq})` });
    }
    events.delete(c.sha256);
  }
  for (const [sha, last] of events) broken.push({ seq: last.seq, entityType: 'certificate', entityId: sha, reason: `certificate ${sha.slice(0, 12)} was deleted outside Carefile` });
  for (const u of db.prepare('SELECT id, name, certificate_sha256 FROM user').all() as Array<{ id: string; name: string; certificate_sha256: string }>) {
    if (!rows.some((c) => c.sha256 === u.certificate_sha256 && c.user_id === u.id)) {
      broken.push({ entityType: 'user', entityId: u.id, reason: `user ${u.name}'s current certificate is not among the certificates the store issued` });
    }
  }
  const keys = latestEvents(db, 'audit-key');
  for (const k of db.prepare('SELECT id, public_key FROM audit_key').all() as Array<{ id: string; public_key: Buffer }>) {
    const last = keys.get(k.id);
    if (sha256Hex(k.public_key) !== k.id || !last || last.digest !== k.id || !mayIssueFor(db, last.signer, undefined)) {
      broken.push({ seq: last?.seq, entityType: 'audit-key', entityId: k.id, reason: `the recovery signing key ${k.id.slice(0, 12)} was added or changed outside Carefile` });
    }
  }
  return broken;
}

/**
 * Key slots: one per current user and one for the recovery key, each added by an event (a hidden
 * slot would be an invisible administrator), the same in the database and in the file.
 */
export function verifyKeySlots(db: Db, core: Pick<Core, 'paths' | 'storeId'>): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const events = latestEvents(db, 'keyslot');
  const rows = db.prepare('SELECT id, kind, user_id, data FROM key_slot ORDER BY id').all() as Array<{ id: string; kind: string; user_id: string | null; data: string }>;
  const perUser = new Map<string, number>();
  let recovery = 0;
  for (const s of rows) {
    const at = { entityType: 'keyslot', entityId: s.id };
    const last = events.get(s.id);
    let data: { id?: string; kind?: string; userId?: string } = {};
    try {
      data = JSON.parse(s.data);
    } catch {
      // reported below: the data does not match the columns
    }
    const user = s.user_id ? (db.prepare('SELECT name, removed_on FROM user WHERE id = ?').get(s.user_id) as { name: string; removed_on: string | null } | undefined) : undefined;
    if (!last || !['keyslot.add', 'keyslot.known'].includes(last.action) || last.digest !== keySlotDigest(s.kind, s.user_id ?? undefined)) {
      broken.push({ ...at, seq: last?.seq, reason: `key slot ${s.id} was added outside Carefile: a hidden way into the store` });
    } else if (!mayIssueFor(db, last.signer, s.user_id ?? undefined)) {
      broken.push({ ...at, seq: last.seq, reason: `key slot ${s.id} was added by someone who may not add key slots (event ${last.seq})` });
    } else if (data.id !== s.id || data.kind !== s.kind || (data.userId ?? null) !== s.user_id) {
      broken.push({ ...at, seq: last.seq, reason: `key slot ${s.id} was altered outside Carefile` });
    } else if (s.kind === 'user' && (!user || user.removed_on)) {
      broken.push({ ...at, seq: last.seq, reason: `key slot ${s.id} belongs to no current user` });
    }
    if (s.kind === 'recovery') recovery++;
    else if (s.user_id) perUser.set(s.user_id, (perUser.get(s.user_id) ?? 0) + 1);
    events.delete(s.id);
  }
  for (const [id, n] of perUser) if (n > 1) broken.push({ entityType: 'keyslot', entityId: id, reason: `user ${id} has ${n} key slots; Carefile keeps one` });
  if (recovery !== 1) broken.push({ entityType: 'keyslot', reason: `the store has ${recovery} recovery slots; Carefile keeps one` });
  for (const [id, last] of events) {
    if (last.action !== 'keyslot.remove') broken.push({ seq: last.seq, entityType: 'keyslot', entityId: id, reason: `key slot ${id} was removed outside Carefile` });
  }
  try {
    const inFile = readKeySlots(core.paths).slots.map((s) => s.id).sort();
    const inDb = slotsFromDb(db, core.storeId).slots.map((s) => s.id).sort();
    if (inFile.join() !== inDb.join()) broken.push({ entityType: 'keyslot', reason: 'the key slots file holds slots the store does not (a hidden way into the store)' });
  } catch {
    broken.push({ entityType: 'keyslot', reason: 'the key slots file cannot be read' });
  }
  return broken;
}

function normalised(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().toLowerCase();
}

const TRIGGERS = ['audit_event_no_update', 'audit_event_no_delete'].map((name) => {
  const m = new RegExp(`CREATE TRIGGER ${name}[^;]*;[^;]*;`).exec(SCHEMA_V1)!;
  return { name, sql: normalised(m[0].replace(/;$/, '')) };
});

/** The triggers that refuse UPDATE and DELETE on the log are there, as Carefile made them. */
export function verifyTriggers(db: Db): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const t of TRIGGERS) {
    const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = 'audit_event'").get(t.name) as { sql: string } | undefined;
    if (!row) broken.push({ entityType: 'trigger', entityId: t.name, reason: `the trigger ${t.name} that protects the audit log was dropped` });
    else if (normalised(row.sql) !== t.sql) broken.push({ entityType: 'trigger', entityId: t.name, reason: `the trigger ${t.name} that protects the audit log was changed` });
  }
  return broken;
}

/**
 * Attachments the log added are still there, and nothing stored lacks its event (bytes are
 * hashed separately). Evidence may name an attachment the store never held (a bundle imported
 * without its files), so references alone prove nothing.
 */
export function verifyAttachmentsPresent(db: Db): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const events = latestEvents(db, 'attachment');
  const stored = new Set((db.prepare('SELECT sha256 FROM attachment').all() as Array<{ sha256: string }>).map((r) => r.sha256));
  for (const sha of stored) if (!events.has(sha)) broken.push({ entityType: 'attachment', entityId: sha, reason: `attachment ${sha} has no audit event` });
  for (const [sha, last] of events) {
    if (!stored.has(sha)) broken.push({ seq: last.seq, entityType: 'attachment', entityId: sha, reason: `attachment ${sha} was deleted outside Carefile after event ${last.seq}` });
  }
  for (const r of db.prepare('SELECT sha256 FROM attachment WHERE size != length(data)').all() as Array<{ sha256: string }>) {
    broken.push({ entityType: 'attachment', entityId: r.sha256, reason: `attachment ${r.sha256}'s recorded size no longer matches its bytes` });
  }
  return broken;
}

const ALARMS: Record<string, string> = {
  'head-cut-off': 'the end of the audit log had been cut off',
  'head-rewritten': 'the audit log had been rewritten since its signed head',
  'head-unverified': 'the signed audit head did not verify',
  'head-missing': 'the signed audit head had been removed',
  'signing-key-unreadable': "a person's signing key had been replaced",
  'signing-key-mismatch': "a person's certificate had been replaced",
  'witness-mismatch': 'the last event that person had seen was gone or rewritten: the log had been rewritten while they were away',
};

/** What an unlock found and wrote into the log (session-signer.ts): once tampered, always reported. */
export function verifyAlarms(db: Db): BrokenLink[] {
  const rows = db.prepare("SELECT seq, actor, entity_id FROM audit_event WHERE action = 'audit.alarm' ORDER BY seq").all() as Array<{ seq: number; actor: string; entity_id: string }>;
  return rows.map((r) => ({
    seq: r.seq,
    entityType: 'alarm',
    entityId: r.entity_id,
    reason: `at the unlock by ${r.actor} (event ${r.seq}), ${ALARMS[r.entity_id] ?? r.entity_id}`,
  }));
}
