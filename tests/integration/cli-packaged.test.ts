/**
 * The CLI runs from the packaged file set with production packages only: no TypeScript sources,
 * no tsx, no esbuild (issue 12.5). An app folder is staged with the tracked files
 * electron-builder.yml's `files` packs, a freshly built dist-electron/ (cli.js and its chunks),
 * and a node_modules holding only what `npm ls --omit=dev` lists (and `files` keeps); then the
 * launcher runs `--version` and `call app.info` (which loads every handler) there as real processes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron';

const root = path.resolve(import.meta.dirname, '..', '..');
const builder = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };

/** electron-builder's `files`: a path is packed when the last pattern that matches it is not a `!` one. */
function packaged(rel: string): boolean {
  let inside = false;
  for (const pattern of builder.files) {
    const negated = pattern.startsWith('!');
    if (path.matchesGlob(rel, negated ? pattern.slice(1) : pattern)) inside = !negated;
  }
  return inside;
}

/** electron-builder adds the production packages itself; a `!` pattern of `files` still drops files from them. */
function dropped(rel: string): boolean {
  return builder.files.some((p) => p.startsWith('!') && path.matchesGlob(rel, p.slice(1)));
}

let npmTree: string[] | undefined;
/** `npm ls --omit=dev --all`: the production packages as npm lists them (paths relative to the root). */
function npmProductionTree(): string[] {
  npmTree ??= execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => path.relative(root, l.trim()))
    .filter((rel) => rel.startsWith('node_modules'));
  return npmTree;
}

/** The production packages, less what `files` drops. */
function productionPackages(): string[] {
  return npmProductionTree().filter((rel) => !dropped(`${rel}/package.json`));
}

const nameOf = (rel: string) => rel.replace(/^.*node_modules\//, '');
const COMPILERS = ['tsx', 'esbuild', 'typescript', 'vite', '@vitejs/plugin-react'];
const isTypePackage = (name: string) => name.startsWith('@types/') || name === 'csstype';

let tmp: string;
let app: string;
let prod: string[];
const bin = () => path.join(app, 'bin', 'carefile.mjs');
function carefile(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin(), ...args], {
    cwd: tmp,
    env: { PATH: process.env.PATH ?? '', HOME: tmp, CAREFILE_SCRYPT_N: '1024', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-cli-packaged-'));
  app = path.join(tmp, 'app');
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of tracked.filter(packaged)) {
    mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
    cpSync(path.join(root, rel), path.join(app, rel));
  }
  await buildElectron(path.join(app, 'dist-electron'));
  prod = productionPackages();
  for (const rel of prod) {
    mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
    if (!existsSync(path.join(app, rel))) symlinkSync(path.join(root, rel), path.join(app, rel), 'dir');
  }
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the CLI from the packaged file set', () => {
  it('ships compiled code and launcher, no sources, and no compiler or type package', () => {
    expect(packaged('bin/carefile.mjs')).toBe(true);
    expect(packaged('dist-electron/cli.js')).toBe(true);
    expect(existsSync(path.join(app, 'dist-electron', 'cli.js'))).toBe(true);
    expect(existsSync(path.join(app, 'electron'))).toBe(false);
    expect(readdirSync(path.join(app, 'dist-electron')).some((f) => /^cli-.+\.js$/.test(f))).toBe(true);
    const names = prod.map(nameOf);
    expect(names).toContain('better-sqlite3-multiple-ciphers');
    for (const tool of COMPILERS) expect(names).not.toContain(tool);
    expect(names.filter((n) => isTypePackage(n) || n.startsWith('@esbuild/'))).toEqual([]);
  });

  it('`npm ls --omit=dev --all` lists no compiler, and type packages only where a production package names them as optional peers', () => {
    // npm ls filters dependency types only at the top level: below it, an installed optional peer
    // (zustand and react-router name @types/react and @types/react-dom; @types/react needs csstype)
    // is listed, and the lockfile marks it devOptional: `npm ci --omit=dev --omit=optional` leaves
    // it out, and the packager drops it (electron-builder.yml). docs/decisions/perf-01.
    const tree = npmProductionTree();
    const names = tree.map(nameOf);
    expect(names.filter((n) => COMPILERS.includes(n) || n.startsWith('@esbuild/'))).toEqual([]);
    const lock = (JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { devOptional?: boolean }> }).packages;
    for (const rel of tree.filter((r) => isTypePackage(nameOf(r)))) {
      expect(lock[rel]?.devOptional, `${rel} is in the production tree for another reason than an optional peer`).toBe(true);
      expect(dropped(`${rel}/package.json`), `${rel} would be packaged`).toBe(true);
    }
    expect(names.filter(isTypePackage).sort()).toEqual(['@types/react', '@types/react-dom', 'csstype']);
  });

  it('runs --version, and a channel through the whole handler map, with only the production packages', () => {
    const version = carefile(['--version']);
    expect(version.err).toBe('');
    expect(version.out.trim()).toBe((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
    // `call` loads dispatch and with it every handler (store, record, bundles, safeguards).
    const info = carefile(['call', 'app.info'], { CAREFILE_DATA_DIR: path.join(tmp, 'store') });
    expect(info.code, info.err).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ ok: true, value: { mode: 'cli', storeState: 'uninitialised' } });
  });

  it('says what to do when the compiled CLI is missing (and runs nothing from source)', () => {
    rmSync(path.join(app, 'dist-electron', 'cli.js'));
    const r = carefile(['--version']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/compiled CLI .* is missing\. Run `npm run build:electron`/);
  });
});
