/**
 * Store benchmark (not a test): the same workload on plain SQLite (no cipher) and on the
 * encrypted store, through the same repository code, then unlock time against key derivation
 * alone. Targets (issue 3): encrypted/plain <= 1.15; unlock/KDF <= 1.2.
 *
 *   npx tsx bench/store.ts [--assessments 1000] [--evidence 20] [--events 5] [--rounds 3] [--unlocks 5]
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
    rounds: { type: 'string', default: '3' },
  },
});
const N = Number(values.assessments);
const E = Number(values.evidence);
const V = Number(values.events);
const U = Number(values.unlocks);
const R = Number(values.rounds);

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

/** N assessments, each written V times (V audit events each), E evidence items per write. */
function workload(key: Buffer | null): number {
  const dir = mkdtempSync(join(tmpdir(), 'carefile-bench-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'), key, { create: true });
    migrate(db);
    const repo = new Assessments(db, () => 'bench');
    const t0 = performance.now();
    for (let v = 0; v < V; v++) for (let i = 0; i < N; i++) repo.put(assessment(i, v));
    const ms = performance.now() - t0;
    const events = (db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
    if (events !== N * V) throw new Error(`expected ${N * V} audit events, found ${events}`);
    db.close();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

process.stdout.write(`Workload: ${N} assessments x ${E} evidence items x ${V} writes (= ${N * V} audit events), synchronous=FULL, WAL\n`);
workload(null); // warm-up (module loading, JIT) kept out of both figures
// Interleaved rounds, alternating which goes first: disk and fsync times drift on a VM.
const plainTimes: number[] = [];
const encTimes: number[] = [];
for (let r = 0; r < R; r++) {
  const order = r % 2 === 0 ? [null, randomBytes(32)] : [randomBytes(32), null];
  for (const key of order) (key ? encTimes : plainTimes).push(workload(key));
}
const plain = median(plainTimes);
const encrypted = median(encTimes);
process.stdout.write(`  plain SQLite (no cipher): ${fmt(plain)}  (median of ${R}: ${plainTimes.map(fmt).join(', ')})\n`);
process.stdout.write(`  encrypted (sqlcipher v4): ${fmt(encrypted)}  (median of ${R}: ${encTimes.map(fmt).join(', ')})\n`);
process.stdout.write(`  ratio encrypted/plain:    ${(encrypted / plain).toFixed(3)}  (target <= 1.15)\n`);

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
  const k = median(kdfTimes);
  const u = median(unlockTimes);
  process.stdout.write(`Unlock (scrypt N=2^${Math.log2(DEFAULT_KDF.N)}, r=${DEFAULT_KDF.r}, p=${DEFAULT_KDF.p}; median of ${U}):\n`);
  process.stdout.write(`  key derivation alone:            ${k.toFixed(0)} ms\n`);
  process.stdout.write(`  unlock (derive + open + verify): ${u.toFixed(0)} ms\n`);
  process.stdout.write(`  ratio unlock/derivation:         ${(u / k).toFixed(3)}  (target <= 1.2)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
