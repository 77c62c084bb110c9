import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit';
import { digestOf } from './canonical';
import { actorOf, addCertificate, dropUserSlots, mirrorSlot, requireAdmin, syncSlotsFile, type Core, type Role } from './core';
import { rotateDataKey, type RotationResult } from './rekey';
import { ConflictError, ForbiddenError, AuthFailedError, InvalidInputError, NotFoundError } from './errors';
import { makeSlot, openSlot, readKeySlots } from './keyslots';
import { checkPassphrase } from './passphrase-policy';
import { generateCredential, openSigningKey, sealSigningKey, type OpenedSigningKey } from './signing';

export const ROLES: readonly Role[] = ['admin', 'assessor', 'manager'];

export interface UserInfo {
  id: string;
  name: string;
  displayName: string;
  role: Role;
  createdOn: string;
  removedOn?: string;
  certificateSha256: string;
}

interface UserRow {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  created_on: string;
  removed_on: string | null;
  certificate_sha256: string;
  signing_key: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function toInfo(r: UserRow): UserInfo {
  const info: UserInfo = {
    id: r.id,
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    createdOn: r.created_on,
    certificateSha256: r.certificate_sha256,
  };
  if (r.removed_on) info.removedOn = r.removed_on;
  return info;
}

/** What the audit log's digest of a user covers (never a secret). */
export function userDigest(u: UserInfo): string {
  return digestOf(u);
}

export function checkUserName(name: string): void {
  if (!NAME.test(name)) {
    throw new InvalidInputError('A user name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.', 'name');
  }
}

export function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new InvalidInputError('The role must be admin, assessor or manager.', 'role');
}

export interface AddUserInput {
  name: string;
  displayName?: string;
  role: Role;
  passphrase: string;
}

/**
 * Inserts a user with a fresh signing credential and a key slot. Runs inside the caller's
 * transaction; the caller writes the slots file after the commit.
 */
export async function prepareUser(core: Pick<Core, 'storeId' | 'dataKey' | 'kdf'>, input: AddUserInput) {
  checkUserName(input.name);
  checkRole(input.role);
  checkPassphrase(input.passphrase);
  const displayName = (input.displayName ?? input.name).trim() || input.name;
  const id = randomUUID();
  const credential = await generateCredential(displayName);
  const { slot, kek } = await makeSlot(core.storeId, input.passphrase, core.dataKey, core.kdf, {
    kind: 'user',
    userId: id,
    userName: input.name,
  });
  const row: UserRow = {
    id,
    name: input.name,
    display_name: displayName,
    role: input.role,
    created_on: new Date().toISOString(),
    removed_on: null,
    certificate_sha256: credential.certificateSha256,
    signing_key: sealSigningKey(kek, credential.pkcs8, core.storeId, id),
  };
  return { row, slot, credential };
}

export function insertUser(core: Core, prepared: Awaited<ReturnType<typeof prepareUser>>, actor: string): UserInfo {
  const { row, slot, credential } = prepared;
  const db = core.db;
  db.prepare(
    `INSERT INTO user (id, name, display_name, role, created_on, removed_on, certificate_sha256, signing_key)
     VALUES (@id, @name, @display_name, @role, @created_on, @removed_on, @certificate_sha256, @signing_key)`,
  ).run(row);
  const info = toInfo(row);
  appendAudit(db, { actor, action: 'user.add', entityType: 'user', entityId: row.id, digest: userDigest(info) });
  addCertificate(db, { sha256: credential.certificateSha256, userId: row.id, der: credential.certificateDer, issuedOn: row.created_on }, actor);
  mirrorSlot(db, slot, actor);
  return info;
}

export class Users {
  constructor(private readonly core: Core) {}

  list(opts: { includeRemoved?: boolean } = {}): UserInfo[] {
    const rows = this.core.db
      .prepare(`SELECT * FROM user ${opts.includeRemoved ? '' : 'WHERE removed_on IS NULL'} ORDER BY created_on, name`)
      .all() as UserRow[];
    return rows.map(toInfo);
  }

  byName(name: string): UserInfo | undefined {
    const row = this.core.db.prepare('SELECT * FROM user WHERE name = ? COLLATE NOCASE AND removed_on IS NULL').get(name) as UserRow | undefined;
    return row ? toInfo(row) : undefined;
  }

  byId(id: string): UserInfo | undefined {
    const row = this.core.db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toInfo(row) : undefined;
  }

  async add(input: AddUserInput, actor = actorOf(this.core)): Promise<UserInfo> {
    requireAdmin(this.core, 'add users');
    checkUserName(input.name);
    if (this.byName(input.name)) throw new ConflictError(`There is already a user called ${input.name}.`, 'name');
    const prepared = await prepareUser(this.core, input);
    const info = this.core.db.transaction(() => {
      if (this.byName(input.name)) throw new ConflictError(`There is already a user called ${input.name}.`, 'name');
      return insertUser(this.core, prepared, actor);
    })();
    syncSlotsFile(this.core);
    return info;
  }

  /**
   * Changes a passphrase: rewrites that user's key slot (not the database) and re-wraps their
   * signing key. With the old passphrase the signing key is kept; an administrator resetting a
   * forgotten one cannot unwrap it, so the user gets a new key and certificate (the old
   * certificate stays known, for signatures already made).
   */
  async passwd(name: string, newPassphrase: string, opts: { oldPassphrase?: string } = {}, actor = actorOf(this.core)): Promise<UserInfo> {
    const user = this.byName(name);
    if (!user) throw new NotFoundError(`There is no user called ${name}.`);
    const session = this.core.session;
    const isSelf = session.via === 'passphrase' && session.userId === user.id;
    if (!isSelf && session.role !== 'admin') throw new ForbiddenError('Only an administrator may change another user\'s passphrase.');
    checkPassphrase(newPassphrase, 'newPassphrase');
    const row = this.core.db.prepare('SELECT * FROM user WHERE id = ?').get(user.id) as UserRow;
    const slots = readKeySlots(this.core.paths).slots.filter((s) => s.kind === 'user' && s.userId === user.id);
    let kept: OpenedSigningKey | undefined;
    if (opts.oldPassphrase !== undefined) {
      for (const slot of slots) {
        const opened = await openSlot(this.core.storeId, slot, opts.oldPassphrase);
        if (opened) {
          kept = openSigningKey(opened.kek, row.signing_key, this.core.storeId, user.id);
          break;
        }
      }
      if (!kept) throw new AuthFailedError('The current passphrase is not right.');
    } else if (isSelf && session.role !== 'admin') {
      throw new ForbiddenError('Give your current passphrase to change it.');
    }
    const fresh = kept ? undefined : await generateCredential(user.displayName);
    const { slot, kek } = await makeSlot(this.core.storeId, newPassphrase, this.core.dataKey, this.core.kdf, {
      kind: 'user',
      userId: user.id,
      userName: user.name,
    });
    const sealed = kept
      ? sealSigningKey(kek, kept.pkcs8, this.core.storeId, user.id, kept.algorithm)
      : sealSigningKey(kek, fresh!.pkcs8, this.core.storeId, user.id);
    const info = this.core.db.transaction(() => {
      const db = this.core.db;
      if (fresh) {
        addCertificate(db, { sha256: fresh.certificateSha256, userId: user.id, der: fresh.certificateDer, issuedOn: new Date().toISOString() }, actor);
      }
      db.prepare('UPDATE user SET signing_key = ?, certificate_sha256 = ? WHERE id = ?').run(
        sealed,
        fresh?.certificateSha256 ?? row.certificate_sha256,
        user.id,
      );
      dropUserSlots(db, user.id, actor);
      mirrorSlot(db, slot, actor);
      const updated = this.byId(user.id)!;
      appendAudit(db, {
        actor,
        action: fresh ? 'user.passwd-reset' : 'user.passwd',
        entityType: 'user',
        entityId: user.id,
        digest: userDigest(updated),
      });
      return updated;
    })();
    syncSlotsFile(this.core);
    return info;
  }

  /**
   * Removes a user: their key slot goes, and the data key is rotated (rekey.ts), so a copy of
   * their slot (or of the whole old slots file) opens nothing any more. `keyRotation` says
   * whether the rotation is done, or waits for slots that predate public-key slots to be used once.
   */
  remove(name: string, actor = actorOf(this.core)): UserInfo & { keyRotation: RotationResult } {
    requireAdmin(this.core, 'remove users');
    const info = this.core.db.transaction(() => {
      const user = this.byName(name);
      if (!user) throw new NotFoundError(`There is no user called ${name}.`);
      if (user.role === 'admin') {
        const admins = this.list().filter((u) => u.role === 'admin').length;
        if (admins <= 1) throw new ConflictError('This is the last administrator: add another before removing this one.', 'name');
      }
      const db = this.core.db;
      db.prepare('UPDATE user SET removed_on = ? WHERE id = ?').run(new Date().toISOString(), user.id);
      dropUserSlots(db, user.id, actor);
      // Set in the same commit: if the rotation below is cut short, the next unlock completes it.
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('rekey_pending', ?)").run(user.id);
      const updated = this.byId(user.id)!;
      appendAudit(db, { actor, action: 'user.remove', entityType: 'user', entityId: user.id, digest: userDigest(updated) });
      return updated;
    })();
    syncSlotsFile(this.core);
    return { ...info, keyRotation: rotateDataKey(this.core, actor) };
  }
}
