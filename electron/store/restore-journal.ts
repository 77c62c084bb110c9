/**
 * A restore that survives being killed. The new database and its key slots file are made and
 * proven beside the store under temporary names first; only then is a journal written, naming
 * them. From that moment the restore is decided and the swap is rolled forward, by the restore
 * itself or, if it was killed, by the next open (`recoverInterruptedRestore`). Before the
 * journal exists nothing of the store has been touched, so the next open rolls back by deleting
 * the temporary files (`cleanLeftovers`). The key slots file is replaced by rename, never moved
 * aside first, so there is no moment without one.
 *
 * Every step of the swap can be repeated, so a kill during recovery is recovered the same way.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileAtomic } from './atomic';
import type { StorePaths } from './paths';

const Journal = z.object({
  format: z.literal('carefile-restore-journal'),
  pid: z.number().int(),
  /** File names inside the data folder (never paths: a journal cannot point elsewhere). */
  newDb: z.string(),
  newSlots: z.string(),
  prevDb: z.string(),
});
export type RestoreJournal = z.infer<typeof Journal>;

export function journalPath(paths: StorePaths): string {
  return join(paths.dataDir, 'restore-journal.json');
}

/** The temporary names of one restore, all inside the data folder. */
export function restoreNames(paths: StorePaths, pid = process.pid): { newDb: string; newSlots: string; prevDb: string } {
  return {
    newDb: `${basename(paths.db)}.restore-${pid}`,
    newSlots: `${basename(paths.keySlots)}.restore-${pid}`,
    prevDb: `${basename(paths.db)}.pre-restore-${pid}`,
  };
}

/** Test hook: called at each step of a restore (the crash trials kill the process there). */
let stepHook: ((step: string) => void) | undefined;
export function onRestoreStep(hook: ((step: string) => void) | undefined): void {
  stepHook = hook;
}
export function step(name: string): void {
  stepHook?.(name);
}

function safeName(name: string): string {
  if (name !== basename(name) || name.startsWith('.') || name.length === 0) throw new Error('restore journal names a path outside the data folder');
  return name;
}

export function writeJournal(paths: StorePaths, names: { newDb: string; newSlots: string; prevDb: string }): void {
  writeFileAtomic(journalPath(paths), JSON.stringify({ format: 'carefile-restore-journal', pid: process.pid, ...names }));
}

function moveIfThere(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}

/**
 * The swap, from wherever it stopped: the old database (and any write-ahead log of it: it must
 * never meet the new file) steps aside, the new one takes its name, the new key slots file
 * replaces the old by rename, and the old files go. Idempotent.
 */
export function rollForward(paths: StorePaths, names: { newDb: string; newSlots: string; prevDb: string }): void {
  const dir = paths.dataDir;
  const newDb = join(dir, safeName(names.newDb));
  const newSlots = join(dir, safeName(names.newSlots));
  const prevDb = join(dir, safeName(names.prevDb));
  if (existsSync(newDb)) {
    moveIfThere(`${paths.db}-wal`, `${prevDb}-wal`);
    rmSync(`${paths.db}-shm`, { force: true });
    step('old-wal-aside');
    moveIfThere(paths.db, prevDb);
    step('old-db-aside');
    renameSync(newDb, paths.db);
    step('new-db-in-place');
  }
  if (existsSync(newSlots)) {
    renameSync(newSlots, paths.keySlots);
    step('new-slots-in-place');
  }
  fsyncDir(dir);
  rmSync(journalPath(paths), { force: true });
  fsyncDir(dir);
  step('journal-removed');
  for (const p of [prevDb, `${prevDb}-wal`, `${prevDb}-shm`, `${prevDb}-journal`]) rmSync(p, { force: true });
}

/** Finishes a restore that was killed after it was decided. True when there was one. */
export function recoverInterruptedRestore(paths: StorePaths): boolean {
  const path = journalPath(paths);
  if (!existsSync(path)) return false;
  let journal: RestoreJournal;
  try {
    journal = Journal.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A journal is written atomically, so a damaged one was never a decision: the old store stands.
    rmSync(path, { force: true });
    return false;
  }
  rollForward(paths, journal);
  return true;
}

/** Temporary files of ours that no running operation owns: e.g. `carefile.db.restore-123`, `keyslots.json.tmp-123`. */
const LEFTOVER = /^(?:carefile\.db\.(?:restore|pre-restore)-\d+(?:-wal|-shm|-journal)?|keyslots\.json\.restore-\d+(?:\.tmp-\d+)?|[\w.-]+\.tmp-\d+|carefile\.lock\.stale-[\w-]+)$/;
const PARTIAL_BACKUP = /\.partial-\d+(?:-wal|-shm)?$/;

/**
 * Deletes what killed operations left behind. Called with the single-writer lock held and after
 * any interrupted restore was recovered, so nothing listed here belongs to a live operation.
 * Returns the names removed (for the doctor and the tests).
 */
export function cleanLeftovers(paths: StorePaths): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!pattern.test(name)) continue;
      try {
        rmSync(join(dir, name), { force: true });
        removed.push(name);
      } catch {
        // a read-only folder: the open reports its own error if it matters
      }
    }
  };
  sweep(paths.dataDir, LEFTOVER);
  sweep(paths.backups, PARTIAL_BACKUP);
  return removed;
}
