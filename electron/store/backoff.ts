import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';

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

export function readUnlockState(path: string): UnlockState {
  if (!existsSync(path)) return { failures: 0, pending: [] };
  try {
    return UnlockState.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A damaged counter must not lock everyone out, nor reset silently to zero: keep the maximum delay's worth.
    return { failures: 10, lastFailureAt: new Date().toISOString(), pending: [] };
  }
}

export function writeUnlockState(path: string, state: UnlockState): void {
  writeFileAtomic(path, JSON.stringify({ ...state, pending: state.pending.slice(-200) }));
}

export function remainingBackoffMs(state: UnlockState, now: Date): number {
  if (!state.lastFailureAt) return 0;
  const until = Date.parse(state.lastFailureAt) + backoffDelayMs(state.failures);
  return Math.max(0, until - now.getTime());
}
