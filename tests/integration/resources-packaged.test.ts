/**
 * Every resource electron/resources.ts can be asked for is in the packaged file set, and loads from
 * the bundled layout: the main bundle is built (scripts/build-electron.ts), an app folder is staged
 * with exactly the tracked files electron-builder.yml's `files` packs, and a probe bundled with the
 * main bundle's options runs there and reads every resource through the helper.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, mainBundleOptions } from '../../scripts/build-electron';
import { BUILT_RESOURCES, RESOURCES, type ResourceName } from '../../electron/resources';

const root = path.resolve(import.meta.dirname, '..', '..');
const builder = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources?: unknown;
  asarUnpack?: string[];
};

/** electron-builder's `files`: a path is packed when the last pattern that matches it is not a `!` one. */
function packaged(rel: string): boolean {
  let inside = false;
  for (const pattern of builder.files) {
    const negated = pattern.startsWith('!');
    if (path.matchesGlob(rel, negated ? pattern.slice(1) : pattern)) inside = !negated;
  }
  return inside;
}

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const names = Object.keys(RESOURCES) as ResourceName[];

interface ProbeReport {
  appRoot: string;
  found: Record<ResourceName, { path: string; exists: boolean }>;
  embedded: string[];
  common: string | null;
  uncommon: string | null;
  schemaId: string | null;
}

let tmp: string;
let app: string;
let report: ProbeReport;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-packaged-'));
  app = path.join(tmp, 'app');
  // The packed app: tracked files that `files` selects, a freshly built dist-electron/, and the
  // dependencies (electron-builder packs the production ones into the asar beside them).
  for (const rel of tracked.filter(packaged)) {
    mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
    cpSync(path.join(root, rel), path.join(app, rel));
  }
  await buildElectron(path.join(app, 'dist-electron'));
  symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  await build({
    ...mainBundleOptions,
    entryPoints: [path.join(root, 'tests/fixtures/packaging/resource-probe.ts')],
    outfile: path.join(app, 'dist-electron', 'probe.js'),
  });
  const out = execFileSync(process.execPath, [path.join(app, 'dist-electron', 'probe.js')], { cwd: tmp, encoding: 'utf8' });
  report = JSON.parse(out) as ProbeReport;
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('resources in the packaged app', () => {
  it('electron-builder packs the main bundle and nothing outside the app root is needed', () => {
    expect(packaged('dist-electron/main.js')).toBe(true);
    expect(packaged('dist-electron/main.js.map')).toBe(false);
    // The helper resolves inside the app root only; extraResources would land in process.resourcesPath.
    expect(builder.extraResources).toBeUndefined();
    expect(existsSync(path.join(app, 'dist-electron', 'main.js'))).toBe(true);
  });

  it('the bundled main process resolves no shipped file next to its own module', () => {
    const main = readFileSync(path.join(app, 'dist-electron', 'main.js'), 'utf8');
    expect(main).not.toMatch(/new URL\(\s*["']\.\.?\//);
    expect(main).not.toMatch(/fileURLToPath\(import\.meta\.url\)/);
    expect(main).toContain('APP_ROOT');
  });

  it.each(names)('%s is in the packaged file set', (name) => {
    const rel = RESOURCES[name];
    if (BUILT_RESOURCES.has(name)) {
      // A build output (npm run build:renderer), absent from a clean checkout: its path must be packed.
      expect(packaged(`${rel}/index.html`)).toBe(true);
      return;
    }
    const files = tracked.filter((f) => f === rel || f.startsWith(`${rel}/`));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(packaged(f), f).toBe(true);
  });

  it('the helper, bundled, finds every kept resource inside the staged app', () => {
    expect(report.appRoot).toBe(app);
    for (const name of names) {
      const { path: where, exists } = report.found[name];
      expect(path.relative(app, where)).toBe(path.normalize(RESOURCES[name]));
      if (!BUILT_RESOURCES.has(name)) expect(exists, name).toBe(true);
    }
  });

  it('loads each one from the bundled layout: fonts, the common-passphrase list, the schema', () => {
    expect(report.embedded).toEqual(['sans', 'sansBold', 'naskh', 'ethiopic']);
    expect(report.common).toMatch(/first that guessers try/);
    expect(report.uncommon).toBeNull();
    expect(report.schemaId).toMatch(/assessment-bundle\.v1\.schema\.json$/);
  });
});
