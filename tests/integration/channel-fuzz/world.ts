/**
 * The stores the channel fuzz runs against (tests/integration/channel-fuzz-*.test.ts): one real
 * encrypted store made once, then copied so that every role has its own, held open for the whole
 * file. A case picks its role freely at no cost: signing in as someone else takes an unlock (key
 * derivation, the audit head, the witness: ~50 ms), which 1,000 cases a channel cannot afford.
 * Each copy only ever sees its own role's calls, so no case can undo another role's sign-in.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { disarmIdleLock } from '../../../electron/api/idle-lock';
import { StoreSession } from '../../../electron/store/session';
import { storePaths } from '../../../electron/store/paths';
import { Assessment as AssessmentSchema, type Assessment } from '../../../shared/domain/model';
import { ADMIN, ADMIN_PASS, kdf, sampleAssessment } from '../../unit/store/helpers';

/** Who a case runs as: a role signed in, the recovery key, a locked store, or no store at all. */
export const WHO = ['admin', 'assessor', 'manager', 'recovery', 'locked', 'none'] as const;
export type Who = (typeof WHO)[number];

export const PEOPLE = {
  admin: { name: ADMIN, pass: ADMIN_PASS },
  assessor: { name: 'ruth', pass: 'amber-glacier-notebook-9' },
  manager: { name: 'priya', pass: 'walnut-signal-meadow-27' },
  /** The second assessor named on the cases. */
  second: { name: 'lee', pass: 'saffron-beacon-thistle-64' },
  /** An assessor named nowhere, there to be removed or have a passphrase reset. */
  spare: { name: 'kim', pass: 'copper-kettle-orchard-58' },
} as const;

/**
 * The assessments: an open one most cases aim at, every safeguard met, at the minded-to stage (ruth
 * and lee its linked assessors, priya the manager); one to withdraw; and one authorised (for
 * addenda, reopening and an overturned decision), written as an import would write it.
 */
export const ID = 'fuzz-assessment-1';
export const ID_WITHDRAW = 'fuzz-assessment-2';
export const ID_SIGNED = 'fuzz-assessment-3';
/** A small case at the planning stage (tests/fixtures/bundles/minimal.json): its preview is the cheapest PDF. */
export const ID_SMALL = 'fuzz-assessment-4';
/** With World.signedPdf: decided, signed by both assessors in the set-up, awaiting the manager. */
export const ID_RECORD = 'fuzz-assessment-5';

export interface World {
  root: string;
  recoveryKey: string;
  assessment: Assessment;
  /** An attachment's SHA-256, an unsigned addendum on ID_SIGNED, and a backup, all in every copy. */
  attachmentSha256: string;
  addendumId: string;
  backupFileName: string;
  /** The record of ID_RECORD as signed by both assessors (base64), when asked for (a render and two signatures, ~2 s). */
  signedPdf?: string;
  ctx: Record<Who, HandlerContext>;
}

const contextFor = (dataDir: string): HandlerContext => ({
  app: { version: 't', mode: 'browser' },
  dataDir,
  storeSession: new StoreSession(dataDir, kdf),
});

async function ok(name: string, input: unknown, ctx: HandlerContext): Promise<unknown> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`fuzz set-up: ${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export async function makeWorld(opts: { signedRecord?: boolean } = {}): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'carefile-fuzz-'));
  const template = contextFor(join(root, 'template'));
  const { recoveryKey } = (await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, template)) as { recoveryKey: string };
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, template);
  const ids: Record<string, string> = {};
  for (const [who, role] of [['assessor', 'assessor'], ['manager', 'manager'], ['second', 'assessor'], ['spare', 'assessor']] as const) {
    const user = (await ok('users.add', { name: PEOPLE[who].name, role, passphrase: PEOPLE[who].pass }, template)) as { id: string };
    ids[who] = user.id;
  }
  const userOf: Record<string, string | undefined> = { 'user-radeyemi': ids.assessor, 'user-tnowak': ids.second, 'user-praman': ids.manager };
  const base = AssessmentSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'compliant.json'), 'utf8')).assessment);
  const linked = (id: string, over: Partial<Assessment>): Assessment => ({
    ...base,
    id,
    reference: `REF-${id}`,
    participants: base.participants.map((p) => (p.userId ? { ...p, userId: userOf[p.userId] } : p)),
    ...over,
  });
  const store = template.storeSession!.store;
  const assessment = store.assessments.put(linked(ID, { status: 'in-progress', stage: 'minded-to', decision: undefined, sharing: undefined }));
  store.assessments.put({ ...sampleAssessment(ID_WITHDRAW), participants: sampleAssessment(ID_WITHDRAW).participants.map((p) => (p.id === 'p-1' ? { ...p, userId: ids.assessor } : p)) });
  const minimal = AssessmentSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'minimal.json'), 'utf8')).assessment);
  // Its assessor is not linked to a user: assessments.linkParticipant has something to do.
  store.assessments.put({ ...minimal, id: ID_SMALL, reference: `REF-${ID_SMALL}` });
  const signedOn = '2026-09-22T10:00:00Z';
  store.assessments.put(
    linked(ID_SIGNED, {
      status: 'authorised',
      signatures: [
        { userId: ids.assessor!, name: 'Ruth Adeyemi', role: 'assessor', signedOn, certificateSha256: 'b'.repeat(64) },
        { userId: ids.second!, name: 'Tomasz Nowak', role: 'assessor', signedOn, certificateSha256: 'c'.repeat(64) },
      ],
      review: { comments: [], authorisedBy: 'Priya Raman', authorisedOn: signedOn },
    }),
  );
  if (opts.signedRecord) store.assessments.put(linked(ID_RECORD, {}));
  const attachment = (await ok('attachments.add', { name: 'note.txt', dataBase64: Buffer.from('a note').toString('base64') }, template)) as { sha256: string };
  await ok('store.lock', {}, template);
  await ok('store.unlock', { userName: PEOPLE.assessor.name, passphrase: PEOPLE.assessor.pass }, template);
  const amended = (await ok('assessments.addAddendum', { id: ID_SIGNED, text: 'A correction the fuzz may sign.' }, template)) as Assessment;
  const addendumId = amended.addenda.at(-1)!.id;
  let signedPdf: string | undefined;
  if (opts.signedRecord) {
    const sign = async (who: 'assessor' | 'second', channel: string) => {
      await ok('store.lock', {}, template);
      await ok('store.unlock', { userName: PEOPLE[who].name, passphrase: PEOPLE[who].pass }, template);
      return (await ok(channel, { id: ID_RECORD, passphrase: PEOPLE[who].pass, declaration: true }, template)) as { pdfBase64: string };
    };
    await sign('assessor', 'record.sign');
    signedPdf = (await sign('second', 'record.countersign')).pdfBase64;
  }
  await ok('store.lock', {}, template);
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, template);
  // Kept under a name Carefile did not make, which its pruning of old backups leaves alone (as it
  // would a copy someone put there): the fuzz's own backups would otherwise retire it.
  const { fileName: made } = (await ok('store.backup', {}, template)) as { fileName: string };
  const backupFileName = 'fuzz-seed.backup';
  renameSync(join(storePaths(template.dataDir).backups, made), join(storePaths(template.dataDir).backups, backupFileName));
  disarmIdleLock(template);
  template.storeSession!.lock();

  const ctx = {} as Record<Who, HandlerContext>;
  for (const who of WHO) {
    ctx[who] = contextFor(join(root, who));
    if (who !== 'none') cpSync(template.dataDir, ctx[who].dataDir, { recursive: true });
  }
  rmSync(template.dataDir, { recursive: true, force: true });
  const world = { root, recoveryKey, assessment, attachmentSha256: attachment.sha256, addendumId, backupFileName, signedPdf, ctx };
  for (const who of WHO) await heal(world, who);
  return world;
}

export function closeWorld(world: World): void {
  for (const who of WHO) {
    disarmIdleLock(world.ctx[who]);
    world.ctx[who].storeSession!.lock();
  }
  rmSync(world.root, { recursive: true, force: true });
}

/** After a failed unlock: the back-off would refuse the next sign-in, so it is cleared. */
export function clearBackoff(world: World, who: Who): void {
  rmSync(storePaths(world.ctx[who].dataDir).unlockState, { force: true });
}

/**
 * Puts a role's store back as the fuzz expects it before a case, doing nothing when it already is
 * (the usual case): a successful lock, unlock as someone else, or store.init is undone here.
 */
export async function heal(world: World, who: Who): Promise<void> {
  const ctx = world.ctx[who];
  const session = ctx.storeSession!;
  // A sign-in or session.activity through dispatch arms the idle lock (the administrator's minutes,
  // 1 at the least); left running, it could lock a store in the middle of a later case, which would
  // read as that case's doing. Each case starts with it stopped; a case is far shorter than a minute.
  disarmIdleLock(ctx);
  if (who === 'none') {
    if (existsSync(ctx.dataDir)) {
      disarmIdleLock(ctx);
      session.lock();
      rmSync(ctx.dataDir, { recursive: true, force: true });
    }
    return;
  }
  if (who === 'locked') {
    if (session.state === 'unlocked') {
      disarmIdleLock(ctx);
      session.lock();
    }
    return;
  }
  if (session.state === 'unlocked') {
    const s = session.store.session;
    if (who === 'recovery' ? s.via === 'recovery-key' : s.via === 'passphrase' && s.name === PEOPLE[who].name) return;
  }
  clearBackoff(world, who);
  if (who === 'recovery') {
    await session.unlockWithRecoveryKey(world.recoveryKey);
    return;
  }
  const person = PEOPLE[who];
  try {
    await session.unlock(person.name, person.pass);
  } catch {
    // A fuzzed users.passwd changed this person's own passphrase: the recovery key sets it back.
    clearBackoff(world, who);
    const store = await session.unlockWithRecoveryKey(world.recoveryKey);
    await store.users.passwd(person.name, person.pass, {});
    await session.unlock(person.name, person.pass);
  }
}

/**
 * What an error must not change. Unlocked: the audit chain's head, the assessments, the users and
 * the settings. Locked or absent: the data folder's entries (names; the files' sizes and modification
 * times).
 *
 * Reading every assessment twice a case cost more than the cases themselves, so the unlocked
 * snapshot is kept, beside SQLite's total_changes() (rows this connection has inserted, updated
 * or deleted), and made afresh only once that count has moved: a count that has not moved means
 * no row was written, so the snapshot kept is still the store's.
 */
const kept = new WeakMap<object, { changes: number; text: string }>();
export function snapshot(world: World, who: Who): string {
  const session = world.ctx[who].storeSession!;
  if (session.state === 'unlocked') {
    const store = session.store;
    const changes = (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const known = kept.get(store);
    if (known?.changes === changes) return known.text;
    const text = JSON.stringify({
      head: store.audit.head(),
      list: store.assessments.list(),
      users: store.users.list({ includeRemoved: true }),
      settings: store.settings.get(),
    });
    kept.set(store, { changes, text });
    return text;
  }
  return JSON.stringify(filesOf(world.ctx[who].dataDir));
}

/** The data folder's own entries: each file's name, size and modification time, each folder's name. */
function filesOf(dir: string): Array<[string, number, number] | string> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      if (!e.isFile()) return e.name;
      const s = statSync(join(dir, e.name));
      return [e.name, s.size, s.mtimeMs] as [string, number, number];
    })
    .sort((a, b) => String(a).localeCompare(String(b)));
}
