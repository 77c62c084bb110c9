import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type RuntimeCheck = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Finds the Electron binary the way the `electron` package does, without importing it (that
 * import throws when the binary was never downloaded). Also refuses when there is no display.
 */
export function findElectronRuntime(env: NodeJS.ProcessEnv = process.env): RuntimeCheck {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    if (!existsSync(binary)) return { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${binary}).` };
    return checkDisplay(binary, env);
  }
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed.' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, reason: 'the Electron runtime was never downloaded (it comes from GitHub, which this machine cannot reach).' };
  }
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary is missing (${binary}).` };
  return checkDisplay(binary, env);
}

function checkDisplay(binary: string, env: NodeJS.ProcessEnv): RuntimeCheck {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set).' };
  }
  return { ok: true, binary };
}
