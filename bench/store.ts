/**
 * Store benchmark (not a test), issue 13.2 and 13.6. Four figures, each beside its baseline in the
 * same run:
 *
 *  1. The save workload on plain SQLite and on the encrypted store, through the same repository
 *     code, in >= 5 interleaved rounds (alternating which goes first: a VM's disk drifts): wall and
 *     CPU time, min/median/max, the ratio encrypted/plain (target <= 1.15) and the per-save CPU the
 *     cipher adds (µs).
 *  2. The cipher's own cost per page: µs per 4 KiB page written (one transaction, no fsync) and
 *     read (a fresh connection with a tiny cache, so every page is read and decrypted), plain and
 *     encrypted.
 *  3. Growth: µs per save at 1,000 and 10,000 assessments (one save each; linear growth = 1.0x).
 *  4. Unlock against key derivation alone (target <= 1.2).
 *
 *   npx tsx bench/store.ts [--assessments 1000] [--evidence 20] [--events 5] [--rounds 5]
 *                          [--pages 20000] [--growth 1000,10000] [--unlocks 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Assessments } from '../electron/store/assessments';
import { openDatabase } from '../electron/store/db';
import { migrate } from '../electron/store/migrations';
import { deriveKek, DEFAULT_KDF, newSalt } from '../electron/store/kdf';
import { initStore, openStore } from '../electron/store/index';
import { sampleAssessment } from '../tests/fixtures/store/sample-assessment';

const { values } = parseArgs({
  options: {
    assessments: { type: 'string', default: '1000' },
    evidence: { type: 'string', default: '20' },
    events: { type: 'string', default: '5' },
    unlocks: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    pages: { type: 'string', default: '20000' },
    growth: { type: 'string', default: '1000,10000' },
  },
});
const N = Number(values.assessments);
const E = Number(values.evidence);
const V = Number(values.events);
const U = Number(values.unlocks);
const R = Number(values.rounds);
const P = Number(values.pages);
const GROWTH = values.growth ? values.growth.split(',').map(Number).filter(Boolean) : [];

const base = sampleAssessment('bench');
function assessment(i: number, version: number) {
  return {
    ...base,
    id: `bench-${i}`,
    reference: `B-${i}`,
    youngPerson: { ...base.youngPerson, id: `yp-${i}` },
    analysis: `version ${version}`,
    evidence: Array.from({ length: E }, (_, k) => ({
      id: `e-${k}`,
      kind: 'young-persons-account' as const,
      title: `Evidence ${k}`,
      summary: `Account of school years, item ${k}, version ${version}. `.repeat(8),
      weight: 'some' as const,
      rejected: false,
      attachments: [],
      receivedAfterDecision: false,
    })),
  };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

function withTempDb<T>(key: Buffer | null, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'carefile-bench-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'), key, { create: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** n assessments, each written `writes` times (one audit event each), E evidence items per write. */
function workload(key: Buffer | null, n: number, writes: number): Timing {
  return withTempDb(key, (db) => {
    migrate(db);
    const repo = new Assessments(db, () => 'bench');
    const t = timed(() => {
      for (let v = 0; v < writes; v++) for (let i = 0; i < n; i++) repo.put(assessment(i, v));
    });
    const events = (db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
    if (events !== n * writes) throw new Error(`expected ${n * writes} audit events, found ${events}`);
    return t;
  });
}

/** µs per page written (one transaction, synchronous=OFF) and read (fresh connection, 16-page cache). */
function pageCost(key: Buffer | null): { writeUs: number; readUs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'carefile-bench-pages-'));
  try {
    const file = join(dir, 'pages.db');
    let db = openDatabase(file, key, { create: true });
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE blob (id INTEGER PRIMARY KEY, data BLOB)');
    const payload = randomBytes(3900); // one row a page (4 KiB pages)
    const insert = db.prepare('INSERT INTO blob (data) VALUES (?)');
    const w = timed(() => db.transaction(() => {
      for (let i = 0; i < P; i++) insert.run(payload);
    })());
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = (db.pragma('page_count', { simple: true }) as number) ?? P;
    db.close();
    db = openDatabase(file, key, { readonly: true });
    db.pragma('cache_size = 16');
    const r = timed(() => {
      let bytes = 0;
      for (const row of db.prepare('SELECT data FROM blob').iterate() as IterableIterator<{ data: Buffer }>) bytes += row.data.length;
      if (bytes !== P * payload.length) throw new Error('short read');
    });
    db.close();
    return { writeUs: (w.cpuMs * 1000) / pages, readUs: (r.cpuMs * 1000) / pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const mmm = (xs: number[], f: (x: number) => string) => `${f(sorted(xs)[0]!)} / ${f(median(xs))} / ${f(sorted(xs).at(-1)!)}`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const us = (x: number) => `${x.toFixed(1)} µs`;
const out = (line: string) => process.stdout.write(`${line}\n`);

// --- 1. the save workload ---------------------------------------------------------------------
const saves = N * V;
out(`Workload: ${N} assessments x ${E} evidence items x ${V} writes (= ${saves} saves, ${saves} audit events), synchronous=FULL, WAL`);
workload(null, Math.min(N, 200), 1); // warm-up (module loading, JIT) kept out of both figures
const plain: Timing[] = [];
const enc: Timing[] = [];
for (let r = 0; r < R; r++) {
  const order = r % 2 === 0 ? [null, randomBytes(32)] : [randomBytes(32), null];
  for (const key of order) (key ? enc : plain).push(workload(key, N, V));
}
const pw = plain.map((t) => t.wallMs);
const pc = plain.map((t) => t.cpuMs);
const ew = enc.map((t) => t.wallMs);
const ec = enc.map((t) => t.cpuMs);
out(`  min / median / max over ${R} interleaved rounds`);
out(`  plain SQLite   wall ${mmm(pw, s)}   CPU ${mmm(pc, s)}`);
out(`  encrypted      wall ${mmm(ew, s)}   CPU ${mmm(ec, s)}`);
out(`  per save (median): plain ${us((median(pc) * 1000) / saves)} CPU, encrypted ${us((median(ec) * 1000) / saves)} CPU; the cipher adds ${us(((median(ec) - median(pc)) * 1000) / saves)} CPU a save`);
out(`  ratio encrypted/plain: CPU ${(median(ec) / median(pc)).toFixed(3)}, wall ${(median(ew) / median(pw)).toFixed(3)}  (target <= 1.15)`);

// --- 2. the cipher per page -------------------------------------------------------------------
if (P > 0) {
  const pagePlain: Array<{ writeUs: number; readUs: number }> = [];
  const pageEnc: Array<{ writeUs: number; readUs: number }> = [];
  for (let r = 0; r < R; r++) {
    const order = r % 2 === 0 ? [null, randomBytes(32)] : [randomBytes(32), null];
    for (const key of order) (key ? pageEnc : pagePlain).push(pageCost(key));
  }
  out(`Per 4 KiB page (${P} pages; CPU; min / median / max over ${R} rounds):`);
  out(`  written: plain ${mmm(pagePlain.map((p) => p.writeUs), us)}   encrypted ${mmm(pageEnc.map((p) => p.writeUs), us)}`);
  out(`  read:    plain ${mmm(pagePlain.map((p) => p.readUs), us)}   encrypted ${mmm(pageEnc.map((p) => p.readUs), us)}`);
  out(
    `  the cipher: +${us(median(pageEnc.map((p) => p.writeUs)) - median(pagePlain.map((p) => p.writeUs)))} a page written, +${us(median(pageEnc.map((p) => p.readUs)) - median(pagePlain.map((p) => p.readUs)))} a page read`,
  );
}

// --- 3. growth --------------------------------------------------------------------------------
if (GROWTH.length > 1) {
  out(`Growth (one save per assessment; CPU µs per save, plain / encrypted):`);
  const perSave: Array<[number, number]> = [];
  for (const n of GROWTH) {
    const p = workload(null, n, 1);
    const e = workload(randomBytes(32), n, 1);
    perSave.push([(p.cpuMs * 1000) / n, (e.cpuMs * 1000) / n]);
    out(`  ${String(n).padStart(6)} assessments: ${us(perSave.at(-1)![0])} / ${us(perSave.at(-1)![1])}`);
  }
  const [first, last] = [perSave[0]!, perSave.at(-1)!];
  out(`  growth ${GROWTH[0]} -> ${GROWTH.at(-1)}: per-save cost x${(last[0] / first[0]).toFixed(2)} plain, x${(last[1] / first[1]).toFixed(2)} encrypted (1.00 = linear total)`);
}

// --- 4. unlock --------------------------------------------------------------------------------
if (U > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'carefile-bench-unlock-'));
  try {
    const pass = 'violet-harbour-lantern-42';
    await initStore({ dataDir: dir, adminName: 'admin', adminPassphrase: pass });
    const kdfTimes: number[] = [];
    const unlockTimes: number[] = [];
    for (let i = 0; i < U; i++) {
      let t = performance.now();
      await deriveKek(pass, newSalt(), DEFAULT_KDF);
      kdfTimes.push(performance.now() - t);
      t = performance.now();
      const store = await openStore({ dataDir: dir }).unlock('admin', pass);
      unlockTimes.push(performance.now() - t);
      store.close();
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    out(`Unlock (scrypt N=2^${Math.log2(DEFAULT_KDF.N)}, r=${DEFAULT_KDF.r}, p=${DEFAULT_KDF.p}; min / median / max of ${U}):`);
    out(`  key derivation alone:            ${mmm(kdfTimes, ms)}`);
    out(`  unlock (derive + open + verify): ${mmm(unlockTimes, ms)}`);
    out(`  ratio unlock/derivation:         ${(median(unlockTimes) / median(kdfTimes)).toFixed(3)}  (target <= 1.2)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
