import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from './protocol';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Carefile',
    show: false,
    webPreferences: {
      preload: path.join(preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // No DevTools in the packaged app: they would give anyone at the unlocked desk a console
      // inside the renderer (the store's data, the session). Kept in development for debugging.
      devTools: !app.isPackaged,
      // Middle-click would otherwise open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
