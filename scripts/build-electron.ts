/**
 * Bundles the Electron main process (ESM) and the preload (one CommonJS file: a sandboxed preload
 * cannot require local modules). Dependencies of the main side stay external and ship in the asar.
 */
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist-electron');

await build({
  entryPoints: [path.join(root, 'electron/main.ts')],
  outfile: path.join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
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

process.stdout.write(`built ${path.relative(root, outdir)}/main.js and preload.cjs\n`);
