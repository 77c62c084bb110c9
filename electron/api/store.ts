import type { HandlerContext } from './context';
import type { HandlerMap } from './types';
import { ApiFailure, machineFaultError } from './errors';
import { StoreError, StoreSession } from '../store/index';
import { isoDateOfInstant } from '../../shared/domain/calendars';
import { actorFor, roleRefusal, type Refusal } from '../../shared/domain/workflow';
import { armIdleLock, disarmIdleLock } from './idle-lock';

/** A workflow refusal as the typed error (the same as electron/api/workflow.ts's, without its imports). */
function allow(r: Refusal | undefined): void {
  if (r) throw new ApiFailure(r.code, r.message, r.field);
}

/** The context's store session, made on first use. */
export function storeSessionOf(ctx: HandlerContext): StoreSession {
  ctx.storeSession ??= new StoreSession(ctx.dataDir);
  return ctx.storeSession;
}

export function storeStateOf(ctx: HandlerContext): 'uninitialised' | 'locked' | 'unlocked' {
  return storeSessionOf(ctx).state;
}

/** Store errors carry their contract code; dispatch shows them as typed errors. */
export async function guardStore<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreError) throw new ApiFailure(err.code, err.message, err.field);
    const fault = machineFaultError(err);
    if (fault) throw new ApiFailure(fault.code, fault.message);
    throw err;
  }
}

function status(ctx: HandlerContext) {
  const session = storeSessionOf(ctx);
  const state = session.state;
  if (state !== 'unlocked') return { state, backoffMs: session.backoffMs() };
  const s = session.store.session;
  const user = s.via === 'passphrase' ? { id: s.userId, name: s.name, displayName: s.displayName, role: s.role } : { name: s.name, displayName: 'Recovery key', role: s.role };
  return { state, user, backoffMs: 0 };
}

/**
 * The status after an unlock, with whether the same person as last time is back (`resumes`): the
 * renderer keeps the address only for them. Nothing about the last person is said to anyone who
 * has not just proved who they are.
 */
function unlocked(ctx: HandlerContext) {
  const now = status(ctx);
  const who = now.user ? (now.user.id ?? 'recovery') : undefined;
  const previous = ctx.lastSignedIn;
  ctx.lastSignedIn = who;
  return previous === undefined ? now : { ...now, resumes: previous === who };
}

export const storeHandlers = {
  'store.status': (_input, ctx) => guardStore(() => status(ctx)),
  'store.init': (input, ctx) =>
    guardStore(async () => {
      const { recoveryKey, storeId } = await storeSessionOf(ctx).init(input.adminName, input.passphrase, input.adminDisplayName);
      return { recoveryKey, storeId };
    }),
  'store.unlock': (input, ctx) =>
    guardStore(async () => {
      await storeSessionOf(ctx).unlock(input.userName, input.passphrase);
      armIdleLock(ctx, storeSessionOf(ctx));
      return unlocked(ctx);
    }),
  'store.unlockWithRecoveryKey': (input, ctx) =>
    guardStore(async () => {
      await storeSessionOf(ctx).unlockWithRecoveryKey(input.recoveryKey);
      armIdleLock(ctx, storeSessionOf(ctx));
      return unlocked(ctx);
    }),
  'store.lock': (_input, ctx) =>
    guardStore(() => {
      disarmIdleLock(ctx);
      storeSessionOf(ctx).lock();
      return status(ctx);
    }),
  'store.backup': (_input, ctx) =>
    guardStore(() => {
      allow(roleRefusal(actorFor(storeSessionOf(ctx).store.session), 'backup'));
      return storeSessionOf(ctx).backup();
    }),
  'users.list': (input, ctx) => guardStore(() => storeSessionOf(ctx).store.users.list({ includeRemoved: input.includeRemoved })),
  'users.add': (input, ctx) =>
    guardStore(() =>
      storeSessionOf(ctx).store.users.add({ name: input.name, displayName: input.displayName, role: input.role, passphrase: input.passphrase }),
    ),
  'users.passwd': (input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      const s = store.session;
      const self = s.via === 'passphrase' && s.name.toLowerCase() === input.name.toLowerCase();
      if (self && input.currentPassphrase === undefined) {
        throw new ApiFailure('INVALID_INPUT', 'Give your current passphrase to change it.', 'currentPassphrase');
      }
      return store.users.passwd(input.name, input.newPassphrase, self ? { oldPassphrase: input.currentPassphrase } : {});
    }),
  'users.remove': (input, ctx) => guardStore(() => storeSessionOf(ctx).store.users.remove(input.name)),
  // From the summaries kept at save time: no assessment is loaded. Each row says how the young
  // person is treated today (the presumption shows on every screen).
  'assessments.list': (_input, ctx) => guardStore(() => storeSessionOf(ctx).store.summaries.list(isoDateOfInstant(new Date().toISOString()))),
  'assessments.get': (input, ctx) =>
    guardStore(() => {
      const found = storeSessionOf(ctx).store.assessments.get(input.id);
      if (!found) throw new ApiFailure('NOT_FOUND', `There is no assessment ${input.id}.`, 'id');
      return found;
    }),
} satisfies Partial<HandlerMap>;
