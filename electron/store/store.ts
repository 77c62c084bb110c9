import { randomBytes } from 'node:crypto';
import type { AttachmentRef } from '../../shared/domain/model';
import { Assessments } from './assessments';
import { Attachments } from './attachments';
import type { OutcomeRow } from '../../shared/quality/outcome-row';
import { aggregate, drilldownRows, listSummaries, outcomeRows, type ListRow, type SummaryFilter } from './summary-read';
import { SignedRecords, type StoredRecord } from './signed-records';
import type { Assessment } from '../../shared/domain/model';
import { appendAudit, auditEvents, auditHead, setAuditSigner, type AuditEvent } from './audit';
import { verifyStoreAudit, type StoreAuditReport } from './verify';
import { sha256Hex } from './canonical';
import { actorOf, addCertificate, requireAdmin, syncSlotsFile, type Core, type Session } from './core';
import { guarded, mapSqliteError, sqlcipherKeyLiteral } from './db';
import { AuthFailedError, ForbiddenError, NotFoundError } from './errors';
import { openSlot, readKeySlots } from './keyslots';
import { credentialsFromPkcs8, openSigningKey, sealSigningKey, type SigningCredentials } from './signing';
import { readPkcs12 } from './pkcs12';
import { userDigest } from './users';
import { Users } from './users';
import { backupTo } from './backup-write';
import { readSignedHead } from './audit-head';
import { accountedCertificates } from './verify-parts';
import type { SignedHead } from './keyslots';

export interface KnownCertificate {
  userId: string;
  name: string;
  displayName: string;
  role: 'admin' | 'assessor' | 'manager';
  certificateSha256: string;
  certificateDer: Uint8Array;
  /** True for the user's current certificate; older ones stay known for signatures already made. */
  current: boolean;
}

/** How long after an audited change the signed head is rewritten (see movesHead). */
const HEAD_DELAY_MS = 250;

/** An unlocked store. Every mutating call writes its audit event in the same transaction. */
export class Store {
  readonly assessments: {
    put: Assessments['put'];
    get: Assessments['get'];
    list: Assessments['list'];
  };
  /** The summaries kept at save time (summary-*.ts): the case list and the quality figures' SQL. */
  readonly summaries: {
    /** The case list, newest change first; `today` (ISO day, UK time) says each presumption for today. */
    list(today: string): ListRow[];
    /** The rows `carefile outcomes` prints (shared/quality/outcome-row.ts), as kept at save. */
    outcomeRows(): OutcomeRow[];
    aggregate: (f: SummaryFilter, decided: boolean, select: string, tail?: string, join?: string) => Array<Record<string, unknown>>;
    drilldown: (f: SummaryFilter, opts: Parameters<typeof drilldownRows>[2]) => ReturnType<typeof drilldownRows>;
  };
  readonly addenda: {
    /** `author` (user id and display name) defaults to the signed-in user. */
    add(assessmentId: string, text: string, actor?: string, author?: { userId: string; name: string }): ReturnType<Assessments['addAddendum']>;
    sign(assessmentId: string, addendumId: string, actor?: string): ReturnType<Assessments['signAddendum']>;
  };
  readonly attachments: {
    put(bytes: Uint8Array, name: string, actor?: string): AttachmentRef;
    get(sha256: string): Uint8Array | undefined;
    info(sha256: string): AttachmentRef | undefined;
  };
  /** The signed PDF record kept with each assessment (the latest revision). */
  readonly records: {
    get(assessmentId: string): StoredRecord | undefined;
    /** Keeps the record and, in the same transaction, writes the assessment that notes its newest signature. */
    put(assessmentId: string, pdf: Uint8Array, signatures: number, assessment?: Assessment): StoredRecord;
  };
  readonly users: Users;
  readonly audit: {
    /** The head of the chain in the database: what a record or bundle prints (`seq` events, last `hash`). */
    head(): { seq: number; hash: string };
    /** The signed head kept outside the database, in the key slots file (undefined before the first signed write). */
    signedHead(): SignedHead | undefined;
    verify(): StoreAuditReport;
    events(opts?: { entityType?: string; entityId?: string; limit?: number }): AuditEvent[];
  };
  readonly signing: {
    credentialsFor(userId: string, passphrase: string): Promise<SigningCredentials>;
    knownCertificates(): KnownCertificate[];
    /** Replace a user's generated key and certificate with the council's PKCS#12 (their passphrase seals it). */
    importPkcs12(userId: string, p12Bytes: Uint8Array, p12Password: string, passphrase: string): Promise<KnownCertificate>;
  };
  private closed = false;

  constructor(
    private readonly core: Core,
    private readonly onClose: () => void,
    /** Runs before the database closes (the session moves its owner's witness; session-signer.ts). */
    private readonly beforeClose: () => void = () => {},
  ) {
    const writes = <A extends unknown[], R>(fn: (...args: A) => R) => guarded(this.movesHead(fn));
    const repo = new Assessments(core.db, () => actorOf(core));
    this.assessments = { put: writes(repo.put.bind(repo)), get: guarded(repo.get.bind(repo)), list: guarded(repo.list.bind(repo)) };
    this.summaries = {
      list: guarded((today: string) => listSummaries(core.db, today)),
      outcomeRows: guarded(() => outcomeRows(core.db) as OutcomeRow[]),
      aggregate: guarded((f: SummaryFilter, decided: boolean, select: string, tail?: string, join?: string) => aggregate(core.db, f, decided, select, tail, join)),
      drilldown: guarded((f: SummaryFilter, opts: Parameters<typeof drilldownRows>[2]) => drilldownRows(core.db, f, opts)),
    };
    this.addenda = {
      add: writes((assessmentId: string, text: string, actor?: string, author?: { userId: string; name: string }) =>
        repo.addAddendum(assessmentId, text, actor ?? actorOf(core), author?.name ?? displayNameOf(core), author?.userId ?? userIdOf(core)),
      ),
      sign: writes((assessmentId: string, addendumId: string, actor?: string) => repo.signAddendum(assessmentId, addendumId, actor ?? actorOf(core))),
    };
    const files = new Attachments(core.db, () => actorOf(core));
    this.attachments = { put: writes(files.put.bind(files)), get: guarded(files.get.bind(files)), info: guarded(files.info.bind(files)) };
    const records = new SignedRecords(core.db, () => actorOf(core));
    this.records = {
      get: guarded(records.get.bind(records)),
      put: writes((assessmentId: string, pdf: Uint8Array, signatures: number, assessment?: Assessment) =>
        core.db.transaction(() => {
          if (assessment) repo.put(assessment);
          return records.put(assessmentId, pdf, signatures);
        })(),
      ),
    };
    this.users = new Users(core);
    for (const name of ['add', 'passwd', 'remove'] as const) {
      const original = this.users[name].bind(this.users) as (...args: unknown[]) => unknown;
      (this.users as unknown as Record<string, unknown>)[name] = writes(original);
    }
    this.audit = {
      head: () => auditHead(core.db),
      signedHead: () => {
        this.flushHead();
        return readSignedHead(core.paths);
      },
      verify: () => {
        this.flushHead();
        return verifyStoreAudit(core, repo, files, this.users);
      },
      events: (opts) => auditEvents(core.db, opts),
    };
    this.signing = {
      credentialsFor: (userId, passphrase) => this.credentialsFor(userId, passphrase),
      knownCertificates: () => this.knownCertificates(),
      importPkcs12: writes((userId: string, p12: Uint8Array, p12Password: string, passphrase: string) =>
        this.importPkcs12(userId, p12, p12Password, passphrase),
      ),
    };
  }

  /**
   * After a change that wrote audit events, the signed head in the key slots file follows
   * (audit-head.ts), so a database later cut back to an earlier state shows. The write is
   * coalesced (HEAD_DELAY_MS after the last change, and at lock): writing and fsyncing the file
   * after every save would double a save's cost, and a head that lags the log is allowed (only
   * a log shorter than its head is a cut).
   */
  private movesHead<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      const before = auditHead(this.core.db).seq;
      const follow = () => {
        if (!this.closed && auditHead(this.core.db).seq !== before) this.scheduleHead();
      };
      const result = fn(...args);
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            follow();
            return value;
          },
          (err: unknown) => {
            follow();
            throw err;
          },
        ) as R;
      }
      follow();
      return result;
    };
  }

  private headTimer: NodeJS.Timeout | undefined;

  private scheduleHead(): void {
    if (this.headTimer) return;
    this.headTimer = setTimeout(() => this.flushHead(), HEAD_DELAY_MS);
    this.headTimer.unref();
  }

  /** Writes the signed head now if a change is waiting for it. */
  private flushHead(): void {
    if (!this.headTimer) return;
    clearTimeout(this.headTimer);
    this.headTimer = undefined;
    if (this.closed) return;
    try {
      syncSlotsFile(this.core);
    } catch {
      // The head lags the log until the next write or lock; a lagging head is allowed.
    }
  }

  get session(): Session {
    return this.core.session;
  }

  get storeId(): string {
    return this.core.storeId;
  }

  get dataDir(): string {
    return this.core.paths.dataDir;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** The database handle, for the verifier and tests of this folder only. */
  get db() {
    return this.core.db;
  }

  /**
   * The raw data key in the form SQLCipher's PRAGMA key takes (x'…'), for a records officer.
   * Administrators and recovery-key holders only; audited.
   */
  revealKey(actor = actorOf(this.core)): string {
    requireAdmin(this.core, 'reveal the data key');
    const literal = sqlcipherKeyLiteral(this.core.dataKey);
    this.core.db.transaction(() => {
      appendAudit(this.core.db, { actor, action: 'key.reveal', entityType: 'store', entityId: this.core.storeId, digest: sha256Hex(literal) });
    })();
    syncSlotsFile(this.core);
    return literal;
  }

  /** An online, encrypted copy of the whole store (same key) at `outPath`, proven before it is kept. */
  backup(outPath: string, actor = actorOf(this.core)): { path: string; size: number; auditSeq: number } {
    try {
      return backupTo(this.core, outPath, actor);
    } catch (err) {
      throw mapSqliteError(err);
    } finally {
      syncSlotsFile(this.core);
    }
  }

  private async credentialsFor(userId: string, passphrase: string): Promise<SigningCredentials> {
    const row = this.core.db.prepare('SELECT signing_key, certificate_sha256 FROM user WHERE id = ? AND removed_on IS NULL').get(userId) as
      | { signing_key: string; certificate_sha256: string }
      | undefined;
    if (!row) throw new NotFoundError(`There is no current user ${userId}.`);
    const cert = this.core.db.prepare('SELECT der FROM user_certificate WHERE sha256 = ?').get(row.certificate_sha256) as { der: Buffer };
    for (const slot of readKeySlots(this.core.paths).slots) {
      if (slot.kind !== 'user' || slot.userId !== userId) continue;
      const opened = await openSlot(this.core.storeId, slot, passphrase);
      const key = opened && openSigningKey(opened.kek, row.signing_key, this.core.storeId, userId);
      if (key) return credentialsFromPkcs8(key, new Uint8Array(cert.der));
    }
    throw new AuthFailedError('The passphrase is not right for this user\'s signing key.');
  }

  private async importPkcs12(userId: string, p12: Uint8Array, p12Password: string, passphrase: string): Promise<KnownCertificate> {
    const user = this.users.byId(userId);
    if (!user || user.removedOn) throw new NotFoundError(`There is no current user ${userId}.`);
    const s = this.core.session;
    if (!(s.via === 'passphrase' && s.userId === userId) && s.role !== 'admin') {
      throw new ForbiddenError("Only the user themselves or an administrator may replace a user's certificate.");
    }
    const contents = await readPkcs12(p12, p12Password);
    let kek: Buffer | undefined;
    for (const slot of readKeySlots(this.core.paths).slots) {
      if (slot.kind !== 'user' || slot.userId !== userId) continue;
      kek = (await openSlot(this.core.storeId, slot, passphrase))?.kek;
      if (kek) break;
    }
    if (!kek) throw new AuthFailedError("That is not this user's passphrase.");
    const sealed = sealSigningKey(kek, contents.pkcs8, this.core.storeId, userId, contents.algorithm);
    const sha = sha256Hex(contents.certificateDer);
    const db = this.core.db;
    db.transaction(() => {
      addCertificate(db, { sha256: sha, userId, der: contents.certificateDer, issuedOn: new Date().toISOString() }, actorOf(this.core));
      db.prepare('UPDATE user SET signing_key = ?, certificate_sha256 = ? WHERE id = ?').run(sealed, sha, userId);
      appendAudit(db, {
        actor: actorOf(this.core),
        action: 'user.certificate-import',
        entityType: 'user',
        entityId: userId,
        digest: userDigest(this.users.byId(userId)!),
      });
    })();
    return this.knownCertificates().find((c) => c.certificateSha256 === sha && c.userId === userId)!;
  }

  private knownCertificates(): KnownCertificate[] {
    const rows = this.core.db
      .prepare(
        `SELECT c.user_id, u.name, u.display_name, u.role, c.sha256, c.der, (u.certificate_sha256 = c.sha256) AS current
         FROM user_certificate c JOIN user u ON u.id = c.user_id ORDER BY c.issued_on, c.sha256`,
      )
      .all() as Array<{ user_id: string; name: string; display_name: string; role: KnownCertificate['role']; sha256: string; der: Buffer; current: number }>;
    // A certificate slipped into the table behind the app's back is not known to this store.
    const accounted = accountedCertificates(this.core.db);
    return rows.filter((r) => accounted.has(r.sha256)).map((r) => ({
      userId: r.user_id,
      name: r.name,
      displayName: r.display_name,
      role: r.role,
      certificateSha256: r.sha256,
      certificateDer: new Uint8Array(r.der),
      current: r.current === 1,
    }));
  }

  /** Closes the database, forgets the key and releases the single-writer lock (LockedStore.lockAgain keeps the lock). */
  close(): void {
    if (this.closed) return;
    this.flushHead();
    this.closed = true;
    try {
      try {
        this.beforeClose();
      } catch {
        // Closing must not fail: a witness not moved only means the next unlock checks an older event.
      }
      setAuditSigner(this.core.db, undefined);
      this.core.db.close();
    } finally {
      this.core.dataKey.fill(0);
      this.onClose();
    }
  }
}

function userIdOf(core: Core): string | undefined {
  return core.session.via === 'passphrase' ? core.session.userId : undefined;
}

function displayNameOf(core: Core): string {
  return core.session.via === 'passphrase' ? core.session.displayName : 'recovery key holder';
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}
