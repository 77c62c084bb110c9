#!/usr/bin/env node
// The `carefile` command. Runs the compiled CLI (dist-electron/cli.js, made by `npm install`'s
// `prepare` step or `npm run build:electron`); no compiler ships or runs in production.
//
// In a source checkout (electron/ present beside bin/) the TypeScript runs instead, through tsx,
// when it is newer than the compiled file or CAREFILE_FROM_SOURCE=1: a stale build never runs
// edited code's old version. Without a compiled file and without tsx, it says what to do.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`carefile needs Node.js 22.12 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist-electron', 'cli.js');
const source = path.join(root, 'electron', 'cli', 'main.ts');

/** The newest modification time of the CLI's sources (electron/, shared/, package.json). */
function newestSource() {
  let newest = statSync(path.join(root, 'package.json')).mtimeMs;
  for (const dir of ['electron', 'shared']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function chooseEntry() {
  const haveCompiled = existsSync(compiled);
  if (!existsSync(source)) return haveCompiled ? 'compiled' : 'missing';
  if (process.env.CAREFILE_FROM_SOURCE === '1') return 'source';
  if (!haveCompiled) return 'source';
  return statSync(compiled).mtimeMs >= newestSource() ? 'compiled' : 'source';
}

const entry = chooseEntry();
let main;
if (entry === 'compiled') {
  ({ main } = await import(compiled));
} else {
  let register;
  if (entry === 'source') {
    try {
      ({ register } = await import('tsx/esm/api'));
    } catch {
      // tsx is a development tool: absent from a production install.
    }
  }
  if (!register) {
    process.stderr.write(
      `carefile: the compiled CLI (${path.relative(process.cwd(), compiled) || compiled}) is missing. ` +
        'Run `npm run build:electron` (or `npm install`, whose prepare step builds it).\n',
    );
    process.exit(2);
  }
  if (!existsSync(compiled) && process.stderr.isTTY) {
    process.stderr.write('carefile: no compiled CLI yet; running from source through tsx (`npm run build:electron` makes it).\n');
  }
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
process.exitCode = await main(process.argv);
