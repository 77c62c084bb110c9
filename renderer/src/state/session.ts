import { create } from 'zustand';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { api } from '../api/client';

export type StoreStatus = OutputOf<'store.status'>;
export type Screen = { name: 'assessments' } | { name: 'assessment'; id: string } | { name: 'new-assessment' } | { name: 'verify' } | { name: 'settings' } | { name: 'dashboard' };

interface SessionState {
  status?: StoreStatus;
  error?: ApiError;
  screen: Screen;
  refresh(): Promise<void>;
  setStatus(status: StoreStatus): void;
  lock(): Promise<void>;
  go(screen: Screen): void;
}

export const useSession = create<SessionState>((set) => ({
  screen: { name: 'assessments' },
  async refresh() {
    const res = await api['store.status']({});
    if (res.ok) set({ status: res.value, error: undefined });
    else set({ error: res.error });
  },
  setStatus(status) {
    set({ status, error: undefined });
  },
  async lock() {
    const res = await api['store.lock']({});
    if (res.ok) set({ status: res.value, screen: { name: 'assessments' } });
  },
  go(screen) {
    set({ screen });
  },
}));
