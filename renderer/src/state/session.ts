import { create } from 'zustand';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { api } from '../api/client';
import { pathOf, type Screen } from '../routing/paths';
import { flushAllDrafts } from '../drafts/flush';

export type StoreStatus = OutputOf<'store.status'>;
export type { Screen } from '../routing/paths';

type Navigate = (to: string, options?: { replace?: boolean }) => void;

interface SessionState {
  status?: StoreStatus;
  error?: ApiError;
  refresh(): Promise<void>;
  setStatus(status: StoreStatus): void;
  lock(): Promise<void>;
  /** Moves to a screen through the router (its address changes, the back button works). */
  go(screen: Screen): void;
}

let navigate: Navigate | undefined;
/** The router registers its navigate function once it exists (routing/router.tsx). */
export function setNavigator(fn: Navigate): void {
  navigate = fn;
}

export const useSession = create<SessionState>((set) => ({
  async refresh() {
    const res = await api['store.status']({});
    if (res.ok) set({ status: res.value, error: undefined });
    else set({ error: res.error });
  },
  setStatus(status) {
    // Someone other than the last person signed in lands on their own home, not on the case the
    // last person left open (the address survives the lock and the reload that follows it). Only
    // the main side can tell: the page forgot everything when it locked. The same person, or the
    // first sign-in since the app started, stays at the address.
    if (status.state === 'unlocked' && status.resumes === false) navigate?.(pathOf({ name: 'assessments' }), { replace: true });
    set({ status, error: undefined });
  },
  async lock() {
    // What was typed in the last second goes to the store before it closes.
    await flushAllDrafts();
    const res = await api['store.lock']({});
    if (res.ok) set({ status: res.value });
  },
  go(screen) {
    navigate?.(pathOf(screen));
  },
}));
