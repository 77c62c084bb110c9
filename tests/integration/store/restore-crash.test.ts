import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf, sampleAssessment, tempDir } from '../../unit/store/helpers';
import { openStore, storeExists } from '../../../electron/store/index';
import { bundledChild, runChild } from '../kill-child';

/**
 * A restore killed (SIGKILL) at each step of the swap, and at random moments: the store must
 * always open, with all the data of one side (the store as it was) or the other (the backup),
 * and nothing left behind. `npm test` runs each named step once and RANDOM_TRIALS random kills;
 * CAREFILE_RESTORE_TRIALS=30 (or more) runs that many random kills as well (docs/recovery.md).
 */
const CHILD_SOURCE = join(import.meta.dirname, 'restore-crash-child.ts');
const ALL_STEPS = ['copied', 'prepared', 'journal-written', 'old-wal-aside', 'old-db-aside', 'new-db-in-place', 'new-slots-in-place', 'journal-removed'];
const FULL = process.env.CAREFILE_RESTORE_TRIALS !== undefined;
/** The suite's share of the time budget: the last step before the decision, and the middle of the swap. */
const STEPS = FULL ? ALL_STEPS : ['prepared', 'old-db-aside'];
const RANDOM_TRIALS = FULL ? Number(process.env.CAREFILE_RESTORE_TRIALS) : 1;

/** Restores in a child, killed at `stopAt` (it waits there) or `delayMs` after it starts; resolves with the steps it finished. */
async function restoreAndKill(dataDir: string, file: string, stopAt: string | undefined, delayMs: number): Promise<string[]> {
  const steps: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const end = await runChild(bundledChild(CHILD_SOURCE), [dataDir, file, ADMIN, ADMIN_PASS, stopAt ?? 'none'], (line, kill) => {
    const step = /^step (.+)$/.exec(line)?.[1];
    if (step) steps.push(step);
    if (step && step === stopAt) kill();
    if (step === 'start' && stopAt === undefined) timer = setTimeout(kill, delayMs);
  });
  clearTimeout(timer);
  if (!end.killed && end.code !== 0) throw new Error(`restore child failed (${end.code}): ${end.stderr}`);
  return steps;
}

const LEFTOVER = /\.restore-|\.pre-restore-|\.tmp-\d+|restore-journal|\.stale-/;

async function template() {
  const { dataDir, store } = await freshStore();
  store.assessments.put(sampleAssessment('in-both'));
  const backup = join(tempDir('carefile-backup-'), 'store.backup');
  store.backup(backup);
  store.assessments.put(sampleAssessment('only-in-store'));
  store.close();
  return { dataDir, backup };
}

async function checkOneSide(dataDir: string): Promise<'old' | 'new'> {
  expect(storeExists(dataDir)).toBe(true);
  const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
  try {
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = s.assessments.list().map((a) => a.id).sort();
    const report = s.audit.verify();
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(readdirSync(dataDir).filter((n) => LEFTOVER.test(n))).toEqual([]);
    if (ids.length === 2) {
      expect(ids).toEqual(['in-both', 'only-in-store']);
      return 'old';
    }
    expect(ids).toEqual(['in-both']);
    expect(s.audit.events().some((e) => e.action === 'store.restore')).toBe(true);
    return 'new';
  } finally {
    s.close();
  }
}

describe('a restore killed at any point', () => {
  it(`opens with one side's data after a kill at each of ${STEPS.length} steps and ${RANDOM_TRIALS} random moments`, async () => {
    const { dataDir: source, backup } = await template();
    const seen: Record<string, 'old' | 'new'> = {};
    const trials: Array<{ stopAt?: string; delay: number }> = [
      ...STEPS.map((stopAt) => ({ stopAt, delay: 0 })),
      ...Array.from({ length: RANDOM_TRIALS }, () => ({ delay: Math.floor(Math.random() * 250) })),
    ];
    for (const [i, trial] of trials.entries()) {
      const dataDir = join(tempDir('carefile-restore-trial-'), 'store');
      cpSync(source, dataDir, { recursive: true });
      const steps = await restoreAndKill(dataDir, backup, trial.stopAt, trial.delay);
      if (trial.stopAt) expect(steps.at(-1)).toBe(trial.stopAt);
      const side = await checkOneSide(dataDir);
      seen[trial.stopAt ?? `random-${i} after ${steps.at(-1) ?? 'nothing'}`] = side;
      expect(existsSync(join(dataDir, 'carefile.lock'))).toBe(false);
    }
    if (FULL) {
      const sides = Object.values(seen);
      console.log(`restore kills: ${trials.length} trials, ${sides.filter((s) => s === 'old').length} opened as before, ${sides.filter((s) => s === 'new').length} as the backup`, seen);
    }
    // Before the journal the old store stands; once it is written the restore is finished.
    for (const s of STEPS) expect(seen[s], s).toBe(ALL_STEPS.indexOf(s) < 2 ? 'old' : 'new');
  }, FULL ? 3_600_000 : 120_000);
});
