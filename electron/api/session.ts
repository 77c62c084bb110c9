/** The store's settings and the idle lock's activity report (shared/contract/session.ts). */
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { armIdleLock } from './idle-lock';
import { actorFor, roleRefusal } from '../../shared/domain/workflow';

export const sessionHandlers = {
  'settings.get': (_input, ctx) => guardStore(() => storeSessionOf(ctx).store.settings.get()),
  'settings.set': (input, ctx) =>
    guardStore(() => {
      const session = storeSessionOf(ctx);
      const refusal = roleRefusal(actorFor(session.store.session), 'changeSettings');
      if (refusal) throw new ApiFailure(refusal.code, refusal.message, refusal.field);
      const settings = session.store.settings.set(input);
      armIdleLock(ctx, session); // the new idle time applies from now
      return settings;
    }),
  'session.activity': (_input, ctx) =>
    guardStore(() => {
      const session = storeSessionOf(ctx);
      void session.store; // NOT_UNLOCKED when the idle lock (or anyone) has locked it
      return { idleLockMs: armIdleLock(ctx, session) };
    }),
} satisfies Partial<HandlerMap>;
