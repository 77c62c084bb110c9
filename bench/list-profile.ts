/**
 * Where the case list's time goes (issue 13): `assessments.list` over a generated store, split into
 * its parts (the SQL read, building the rows, the contract check at the dispatch layer) so a CPU
 * profile can be read against them. Not one of `npm run bench`'s figures (bench/quality.ts is).
 *
 *   npx tsx bench/list-profile.ts [--n 10000] [--rounds 7] [--store DIR]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/list-profile.ts --store /tmp/list-10k
 *
 * With `--store DIR` the generated store is kept there and reused by the next run (building
 * 10,000 takes minutes on a shared machine); without it, it goes to a temporary folder and is removed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/api/dispatch';
import type { HandlerContext } from '../electron/api/context';
import { StoreSession } from '../electron/store/session';
import { TEST_KDF } from '../electron/store/kdf';
import { contract } from '../shared/contract';
import { isoDateOfInstant } from '../shared/domain/calendars';
import { generateAssessments } from '../tests/fixtures/quality/generate';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '7' }, store: { type: 'string' } },
});
const N = Number(values.n);
const ROUNDS = Number(values.rounds);
const ADMIN = { name: 'admin', pass: 'violet-harbour-lantern-42' };

async function call(ctx: HandlerContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const dir = values.store ?? mkdtempSync(join(tmpdir(), 'carefile-list-profile-'));
const dataDir = join(dir, 'data');
const ctx: HandlerContext = { app: { version: 'bench', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, TEST_KDF) };
try {
  if (!existsSync(join(dataDir, 'carefile.db'))) {
    await call(ctx, 'store.init', { adminName: ADMIN.name, passphrase: ADMIN.pass });
  }
  await call(ctx, 'store.unlock', { userName: ADMIN.name, passphrase: ADMIN.pass });
  const store = ctx.storeSession!.store;
  const have = (store.db.prepare('SELECT count(*) AS n FROM assessment').get() as { n: number }).n;
  if (have < N) {
    process.stdout.write(`building ${N} assessments... `);
    const t = performance.now();
    const all = generateAssessments({ n: N, seed: 11, parse: false }).slice(have);
    store.batch(() => {
      for (const a of all) store.assessments.put(a);
    });
    process.stdout.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const today = isoDateOfInstant(new Date().toISOString());
  const rows = store.summaries.list(today);
  const parts: Array<[string, () => unknown]> = [
    ['SQL read only (every summary column)', () => store.db.prepare('SELECT * FROM assessment_summary').raw().all()],
    ['store.summaries.list (SQL + rows)', () => store.summaries.list(today)],
    ['full contract parse of those rows', () => contract['assessments.list'].output.safeParse(rows)],
    ['dispatch assessments.list', () => call(ctx, 'assessments.list', {})],
  ];
  for (const [, run] of parts) await run();
  const times: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const gc: Record<string, number[]> = {};
  // The garbage collector's pauses during each part: at 10,000 rows they were the part of the
  // list's cost that grew faster than the store (docs/decisions/perf-02-linear-growth.md).
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0)); // GC entries arrive on a later tick
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of parts) {
      await settle();
      gcMs = 0;
      const c = process.cpuUsage();
      const t = performance.now();
      await run();
      (times[name] ??= []).push(performance.now() - t);
      const used = process.cpuUsage(c);
      // This process's CPU time: steadier than wall time on a shared machine (GC threads count too).
      (cpu[name] ??= []).push((used.user + used.system) / 1000);
      await settle();
      (gc[name] ??= []).push(gcMs);
    }
  }
  observer.disconnect();
  const mmm = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0]!.toFixed(1)} / ${s[Math.floor(s.length / 2)]!.toFixed(1)} / ${s.at(-1)!.toFixed(1)}`;
  };
  process.stdout.write(`${N} assessments, ${ROUNDS} rounds, min / median / max (ms), wall, CPU and GC pauses:\n`);
  for (const [name] of parts) process.stdout.write(`  ${name.padEnd(38)} wall ${mmm(times[name]!)}   CPU ${mmm(cpu[name]!)}   GC ${mmm(gc[name]!)}\n`);
} finally {
  ctx.storeSession?.lock();
  if (!values.store) rmSync(dir, { recursive: true, force: true });
}
