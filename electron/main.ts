/**
 * The Electron shell: lifecycle, one instance, one hardened window, and the handler map bound to
 * ipcMain. Everything else lives behind electron/api and runs (and is tested) under plain Node.
 */
import { app, BrowserWindow, powerMonitor } from 'electron';
import { bindHandlers } from './shell/ipc';
import { storeSessionOf } from './api/store';
import { disarmIdleLock, idleLockMsFromEnv } from './api/idle-lock';
import { denyAllPermissions, lockDownContents } from './shell/hardening';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { createMainWindow } from './shell/window';
import { resourcePath } from './resources';

// dist-electron/main.js sits next to dist-electron/preload.cjs; the renderer build is in dist/renderer.
const here = import.meta.dirname;
const rendererDir = resourcePath('renderer');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the store's single-writer lock; hand over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  lockDownContents();

  void app.whenReady().then(() => {
    denyAllPermissions();
    serveRenderer(rendererDir);
    const ctx = {
      app: { version: app.getVersion(), mode: 'electron' as const },
      dataDir: process.env.CAREFILE_DATA_DIR ?? app.getPath('userData'),
      idleLockMs: idleLockMsFromEnv(process.env),
    };
    bindHandlers(ctx);
    // Close the store and release its single-writer lock (a stale lock is taken over anyway, but say goodbye properly).
    app.on('before-quit', () => storeSessionOf(ctx).lock());
    // Locks at once when the computer is locked or goes to sleep (issue 10.2): the renderer's next
    // call answers NOT_UNLOCKED and it clears what it showed (renderer/src/state/lockout.ts).
    const lockNow = () => {
      disarmIdleLock(ctx);
      storeSessionOf(ctx).lock();
    };
    powerMonitor.on('lock-screen', lockNow);
    powerMonitor.on('suspend', lockNow);
    createMainWindow(here);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(here);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
