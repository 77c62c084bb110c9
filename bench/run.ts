/**
 * `npm run bench`: every benchmark, one after another (they measure time, so never in parallel).
 * Each prints its own figures and its ratio to a baseline; targets are stated beside the figures.
 *   npm run bench               all of them
 *   npm run bench -- record     just one (language, record, store, cli, quality, bundles, ui)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = ['language', 'record', 'store', 'cli', 'quality', 'bundles', 'ui'];
const wanted = process.argv.slice(2).filter((a) => benches.includes(a));
const here = import.meta.dirname;
let failed = 0;
for (const name of wanted.length ? wanted : benches) {
  process.stdout.write(`\n=== bench/${name}.ts ===\n`);
  const res = spawnSync(process.execPath, [path.join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(here, `${name}.ts`)], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
