import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { overwriteInPlace, writeFileAtomic } from './atomic';

/**
 * Failed unlocks, persisted beside the database (it must be readable before the key is known).
 * It holds no secret: times and the user name tried. Failures are copied into the audit log
 * at the next successful unlock, when the database can be written.
 */
const UnlockState = z.object({
  failures: z.number().int().min(0),
  lastFailureAt: z.string().optional(),
  pending: z.array(z.object({ at: z.string(), user: z.string() })).default([]),
});
export type UnlockState = z.infer<typeof UnlockState>;

/** The first three tries are free; then 1 s, 2 s, 4 s ... up to 15 minutes. */
export function backoffDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 15 * 60 * 1000);
}

/**
 * The counter as this process last knew it, by file: a failure that could not be written (a full
 * disk, a read-only folder) still counts for the life of the process, so the back-off holds.
 */
const remembered = new Map<string, UnlockState>();

/** The disk's counter, unless this process counted failures the disk could not record. */
function stricter(disk: UnlockState, memory: UnlockState | undefined): UnlockState {
  return memory && memory.failures > disk.failures ? memory : disk;
}

function readFromDisk(path: string): UnlockState {
  if (!existsSync(path)) return { failures: 0, pending: [] };
  try {
    return UnlockState.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A damaged counter must not lock everyone out, nor reset silently to zero: keep the maximum delay's worth.
    return { failures: 10, lastFailureAt: new Date().toISOString(), pending: [] };
  }
}

export function readUnlockState(path: string): UnlockState {
  return stricter(readFromDisk(path), remembered.get(path));
}

/**
 * The file is kept at least this long (padded with spaces, which JSON allows), so that on a full
 * disk the counter can still be overwritten in place.
 */
const RESERVED_BYTES = 4096;

/**
 * Writes the counter: atomically when the disk allows, else in place within the space the file
 * already holds (failures and time first; the names tried only as far as they fit). Returns false
 * when only this process's memory holds it.
 */
export function writeUnlockState(path: string, state: UnlockState): boolean {
  const kept = { ...state, pending: state.pending.slice(-200) };
  if (kept.failures === 0 && kept.pending.length === 0) remembered.delete(path);
  else remembered.set(path, kept);
  const text = JSON.stringify(kept);
  try {
    writeFileAtomic(path, text.padEnd(RESERVED_BYTES, ' '));
    return true;
  } catch {
    for (let keep = kept.pending.length; keep >= 0; keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
      if (overwriteInPlace(path, JSON.stringify({ ...kept, pending: kept.pending.slice(kept.pending.length - keep) }))) return true;
    }
    return false;
  }
}

export function remainingBackoffMs(state: UnlockState, now: Date): number {
  if (!state.lastFailureAt) return 0;
  const until = Date.parse(state.lastFailureAt) + backoffDelayMs(state.failures);
  return Math.max(0, until - now.getTime());
}
