import os from 'node:os';
import path from 'node:path';

/** Where the built renderer is, relative to this source tree (also inside the packaged asar). */
export const RENDERER_DIST = path.resolve(import.meta.dirname, '..', 'dist', 'renderer');

/**
 * The per-user data directory, the same place Electron's app.getPath('userData') gives for
 * productName Carefile, so the CLI, browser mode and the desktop app find one store.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CAREFILE_DATA_DIR) return path.resolve(env.CAREFILE_DATA_DIR);
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Carefile');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Carefile');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Carefile');
}
