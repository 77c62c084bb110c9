/**
 * Every open draft's "save now", so that pressing Lock (state/session.ts) first keeps what was
 * typed in the last second, before the store closes.
 */
const flushers = new Set<() => Promise<void>>();

export function registerFlush(fn: () => Promise<void>): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...flushers].map((fn) => fn().catch(() => undefined)));
}
