/**
 * Bundles the Electron main process (ESM) and the preload (one CommonJS file: a sandboxed preload
 * cannot require local modules). Dependencies of the main side stay external and ship in the asar.
 * Shipped files (fonts, lists, schemas, the renderer) are not bundled: electron/resources.ts finds
 * them from the app root, which is one folder above dist-electron/ as it is above electron/.
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The main-process bundle's options; tests bundle their probes with the same ones. */
export const mainBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Builds main.js and preload.cjs into `outdir` (default: dist-electron/). */
export async function buildElectron(outdir = path.join(root, 'dist-electron')): Promise<void> {
  await build({
    ...mainBundleOptions,
    entryPoints: [path.join(root, 'electron/main.ts')],
    outfile: path.join(outdir, 'main.js'),
  });

  await build({
    entryPoints: [path.join(root, 'electron/preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome140',
    minify: true,
    external: ['electron'],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outdir = path.join(root, 'dist-electron');
  await buildElectron(outdir);
  process.stdout.write(`built ${path.relative(root, outdir)}/main.js and preload.cjs\n`);
}
