/**
 * Records-officer and administrator channels (shared/contract/admin.ts). The rules live here, not
 * in the CLI: a restore needs an administrator or the recovery key (it replaces everyone's work and
 * the list of users), asks for the credential again, and says when the backup is older than the
 * store it replaces.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerMap } from './types';
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { restoreStore, storePaths, type Credential, type Store } from '../store/index';
import { runDoctor } from './doctor';

type Head = { seq: number; hash: string };
type Event = { seq: number; hash: string; action: string };

/** Audit events that change nothing a restore could undo: opening the store, copying it, revealing its key. */
const NOT_CHANGES = new Set(['unlock', 'unlock.recovery-key', 'unlock.failed', 'store.backup', 'key.reveal']);

/**
 * What a restore undoes, in words a records officer can act on before anyone carries on working.
 * `replaced`: the audit events of the store being replaced (absent on a new machine).
 */
export function restoreWarnings(backup: Head, replaced: readonly Event[] | undefined): string[] {
  if (!replaced || replaced.length === 0) return [];
  const atBackupHead = replaced.find((e) => e.seq === backup.seq);
  const last = replaced[replaced.length - 1]!;
  if (backup.seq <= last.seq && atBackupHead?.hash !== backup.hash) {
    return [`The backup does not share this store's history (its audit event ${backup.seq} differs): it is not an earlier state of this store, and everything since the two parted is replaced.`];
  }
  const undone = replaced.filter((e) => e.seq > backup.seq && !NOT_CHANGES.has(e.action));
  if (undone.length === 0) return [];
  const counts = new Map<string, number>();
  for (const e of undone) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const list = [...counts].map(([action, n]) => (n === 1 ? action : `${action} ×${n}`)).join(', ');
  return [
    `The backup is older than the store it replaced: it ends at audit event ${backup.seq}, the store had reached event ${last.seq}. ` +
      `${undone.length} later change${undone.length === 1 ? ' is' : 's are'} undone (${list}).`,
  ];
}

function confirmingCredential(ctx: HandlerContext, input: { passphrase?: string; recoveryKey?: string }): Credential {
  const s = storeSessionOf(ctx).store.session;
  if (s.role !== 'admin') {
    throw new ApiFailure('FORBIDDEN', "Only an administrator or the recovery key restores a backup: it replaces everyone's work and the list of users.");
  }
  if (s.via === 'recovery-key') {
    if (!input.recoveryKey) throw new ApiFailure('INVALID_INPUT', 'Give the recovery key again to confirm the restore.', 'recoveryKey');
    return { kind: 'recovery-key', recoveryKey: input.recoveryKey };
  }
  if (!input.passphrase) throw new ApiFailure('INVALID_INPUT', 'Give your passphrase again to confirm the restore.', 'passphrase');
  return { kind: 'passphrase', userName: s.name, passphrase: input.passphrase };
}

export const adminHandlers = {
  'store.restore': (input, ctx) =>
    guardStore(async () => {
      const session = storeSessionOf(ctx);
      const file = join(storePaths(ctx.dataDir).backups, input.fileName);
      if (!existsSync(file)) throw new ApiFailure('NOT_FOUND', `There is no backup ${input.fileName} in the backups folder.`, 'fileName');
      if (session.state === 'uninitialised') {
        // A new machine: no key slots to check anyone against; the raw data key is the proof.
        if (!input.rawKey) throw new ApiFailure('NOT_UNLOCKED', 'There is no store here: restore with the raw data key (docs/recovery.md).', 'rawKey');
        const r = await restoreStore({ dataDir: ctx.dataDir, file, rawKey: input.rawKey });
        return { storeId: r.storeId, auditSeq: r.auditSeq, backupHead: r.backupHead, warnings: [] };
      }
      if (input.rawKey !== undefined) {
        throw new ApiFailure('FORBIDDEN', 'The raw data key restores only where no store exists yet; here, unlock as an administrator or with the recovery key.', 'rawKey');
      }
      const credential = confirmingCredential(ctx, input);
      const replacedHead = session.store.audit.head();
      const replaced = session.store.audit.events().map(({ seq, hash, action }) => ({ seq, hash, action }));
      // The restore takes the single-writer lock itself and checks the credential against the key slots.
      session.lock();
      const r = await restoreStore({ dataDir: ctx.dataDir, file, credential });
      return { storeId: r.storeId, auditSeq: r.auditSeq, backupHead: r.backupHead, replacedHead, warnings: restoreWarnings(r.backupHead, replaced) };
    }),

  'store.doctor': (_input, ctx) => guardStore(() => runDoctor(ctx)),

  'audit.verify': (_input, ctx) =>
    guardStore(() => {
      // Passed through as a plain record: the verifier may grow new fields and checks (the contract is loose).
      const report = storeSessionOf(ctx).store.audit.verify() as ReturnType<Store['audit']['verify']> & Record<string, unknown>;
      // Each broken link as a problem with a kind (what was broken) and a message a person can read.
      const problems = report.problems.map((p) => ({ ...p, kind: p.entityType ?? 'chain', message: p.reason }));
      return { ...report, firstBroken: report.firstBroken && { ...report.firstBroken }, problems };
    }),

  'users.importP12': (input, ctx) =>
    guardStore(async () => {
      const store = storeSessionOf(ctx).store;
      const s = store.session;
      if (s.via !== 'passphrase') {
        throw new ApiFailure('FORBIDDEN', 'Import your certificate as yourself (your user name and passphrase), not with the recovery key.');
      }
      const cert = await store.signing.importPkcs12(s.userId, new Uint8Array(Buffer.from(input.p12Base64, 'base64')), input.p12Password, input.passphrase);
      return { userId: cert.userId, name: cert.name, certificateSha256: cert.certificateSha256 };
    }),
} satisfies Partial<HandlerMap>;
