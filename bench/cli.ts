/**
 * CLI start-up benchmark (not a test), issue 13.5: `carefile --version` beside `node -e ''` (the
 * floor: starting Node itself), in >= 5 interleaved rounds, min / median / max of wall time.
 * Also `--help` (the verbs listed from help-index.ts, no family loaded), `lint-text` (one family,
 * only the wording checker: no store) and, for
 * comparison, `--version` run from the TypeScript sources through tsx (what every start cost
 * before the CLI was compiled). Target: `--version` well under 0.5 s.
 *
 *   npx tsx bench/cli.ts [--rounds 7]
 * Needs the compiled CLI (`npm run build:electron`; `npm install` makes it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const R = Math.max(5, Number(values.rounds));
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'carefile.mjs');
if (!existsSync(path.join(root, 'dist-electron', 'cli.js'))) {
  process.stderr.write('bench/cli: no compiled CLI; run `npm run build:electron` first.\n');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(tmpdir(), 'carefile-bench-cli-'));
const text = path.join(tmp, 'note.txt');
writeFileSync(text, 'She explained her journey clearly.\n');

const cases: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
  { name: "node -e ''  (baseline)", args: ['-e', ''] },
  { name: 'carefile --version', args: [bin, '--version'] },
  { name: 'carefile --help', args: [bin, '--help'] },
  { name: 'carefile lint-text FILE', args: [bin, 'lint-text', text] },
  { name: 'carefile --version via tsx', args: [bin, '--version'], env: { CAREFILE_FROM_SOURCE: '1' } },
];

function run(c: (typeof cases)[number]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { env: { ...process.env, ...c.env }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const times = cases.map(() => [] as number[]);
for (const c of cases) run(c); // warm the file cache
for (let r = 0; r < R; r++) {
  // Interleaved, and the order rotated each round, so drift on a shared machine hits all alike.
  for (let k = 0; k < cases.length; k++) {
    const i = (k + r) % cases.length;
    times[i]!.push(run(cases[i]!));
  }
}
rmSync(tmp, { recursive: true, force: true });

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const floor = median(times[0]!);
process.stdout.write(`CLI start-up, wall time, min / median / max over ${R} interleaved rounds (target: --version well under 500 ms)\n`);
for (const [i, c] of cases.entries()) {
  const t = times[i]!;
  const extra = i === 0 ? '' : `   (+${ms(median(t) - floor)} over node, x${(median(t) / floor).toFixed(2)})`;
  process.stdout.write(`  ${c.name.padEnd(28)} ${ms(sorted(t)[0]!)} / ${ms(median(t))} / ${ms(sorted(t).at(-1)!)}${extra}\n`);
}
