import { create } from 'zustand';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { api } from '../api/client';

type AppInfo = OutputOf<'app.info'>;

interface AppState {
  info?: AppInfo;
  loadError?: ApiError;
  loadInfo(): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  async loadInfo() {
    const res = await api['app.info']({});
    if (res.ok) set({ info: res.value, loadError: undefined });
    else set({ loadError: res.error });
  },
}));
