/**
 * Bundles the Electron main process (ESM) and the preload (one CommonJS file: a sandboxed preload
 * cannot require local modules). Dependencies of the main side stay external and ship in the asar.
 * Shipped files (fonts, lists, schemas, the renderer) are not bundled: electron/resources.ts finds
 * them from the app root, which is one folder above dist-electron/ as it is above electron/.
 *
 * The CLI (cli.js, for bin/carefile.mjs) is bundled too, with code splitting: each verb's
 * `import()` becomes its own chunk (cli-HASH.js, beside cli.js so the app root stays one folder
 * up), so `carefile --version` loads none of the store, record or safeguard code.
 */
import { build, type BuildOptions } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
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

/** Builds the CLI (cli.js and its chunks) into `outdir`, removing the chunks of an earlier build. */
export async function buildCli(outdir = path.join(root, 'dist-electron')): Promise<void> {
  for (const name of safeReaddir(outdir)) if (/^cli(-[A-Z0-9]+)?\.js$/i.test(name)) rmSync(path.join(outdir, name));
  await build({
    ...mainBundleOptions,
    entryPoints: { cli: path.join(root, 'electron/cli/main.ts') },
    outdir,
    splitting: true,
    chunkNames: 'cli-[hash]',
  });
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Builds main.js, preload.cjs and the CLI into `outdir` (default: dist-electron/). */
export async function buildElectron(outdir = path.join(root, 'dist-electron')): Promise<void> {
  await buildCli(outdir);
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
  process.stdout.write(`built ${path.relative(root, outdir)}/main.js, preload.cjs and cli.js\n`);
}
