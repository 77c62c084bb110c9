/**
 * What a handler may use. Services are plain Node objects (the store, the record maker, ...);
 * each transport builds one context per app session and passes it to dispatch.
 */
export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
}

export interface HandlerContext {
  app: AppInfo;
  /** Per-user data directory holding the store. */
  dataDir: string;
  /** The store session (locked/unlocked); made on first use by electron/api/store.ts if absent. */
  storeSession?: import('../store/index').StoreSession;
  /**
   * Who held the last session in this app (store user id, or `recovery` for the recovery key),
   * kept across a lock so the next unlock can say whether the same person is back (store.ts).
   */
  lastSignedIn?: string;
  /** The idle lock (electron/api/idle-lock.ts), made at the first unlock in the app and browser modes. */
  idleLock?: import('./idle-lock').IdleLock;
  /**
   * A shorter idle lock than the administrator's, in milliseconds (never a longer one): for the
   * end-to-end tests (CAREFILE_IDLE_LOCK_MS, read by the launcher and the shell; docs/cli.md).
   */
  idleLockMs?: number;
}
