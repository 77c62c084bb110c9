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
  /** Who locked the store, so the same person comes back to the same screen after unlocking. */
  lockedBy?: string;
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

export const useSession = create<SessionState>((set, get) => ({
  async refresh() {
    const res = await api['store.status']({});
    if (res.ok) set({ status: res.value, error: undefined });
    else set({ error: res.error });
  },
  setStatus(status) {
    const { lockedBy } = get();
    // Someone else unlocking does not land on the screen the last person left open.
    if (status.state === 'unlocked' && lockedBy !== undefined && status.user?.name !== lockedBy) navigate?.(pathOf({ name: 'assessments' }), { replace: true });
    set({ status, error: undefined, lockedBy: status.state === 'unlocked' ? undefined : lockedBy });
  },
  async lock() {
    const lockedBy = get().status?.user?.name;
    // What was typed in the last second goes to the store before it closes.
    await flushAllDrafts();
    const res = await api['store.lock']({});
    if (res.ok) set({ status: res.value, lockedBy });
  },
  go(screen) {
    navigate?.(pathOf(screen));
  },
}));
