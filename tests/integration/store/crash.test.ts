import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf } from '../../unit/store/helpers';
import { openStore } from '../../../electron/store/index';
import { bundledChild, runChild } from '../kill-child';

const TRIALS = 30;

/** Runs the writer until a random moment after its first acknowledgement, then SIGKILLs it. */
async function runAndKill(dataDir: string, start: number, delayMs: number): Promise<number[]> {
  const acked: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const end = await runChild(bundledChild(join(import.meta.dirname, 'crash-writer.ts')), [dataDir, String(start), ADMIN, ADMIN_PASS], (line, kill) => {
    const m = /^ack (\d+)$/.exec(line);
    if (m) acked.push(Number(m[1]));
    timer ??= setTimeout(kill, delayMs);
  });
  clearTimeout(timer);
  if (!end.killed) throw new Error(`writer ended without being killed: ${end.stderr}`);
  return acked;
}

describe('crash safety', () => {
  it(`keeps every acknowledged commit through ${TRIALS} SIGKILLs at random moments, integrity_check ok`, async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    let next = 0;
    const allAcked: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const acked = await runAndKill(dataDir, next, Math.floor(Math.random() * 120));
      expect(acked.length).toBeGreaterThan(0);
      allAcked.push(...acked);
      // the writer may have committed one more than it acknowledged: continue after whatever is there
      const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
      expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(s.assessments.list().map((a) => a.id));
      for (const n of allAcked) expect(ids.has(`crash-${n}`)).toBe(true);
      next = Math.max(...[...ids].map((id) => Number(id.slice('crash-'.length)))) + 1;
      if (trial % 10 === 9) expect(s.audit.verify()).toMatchObject({ ok: true });
      s.close();
    }
    expect(allAcked.length).toBeGreaterThanOrEqual(TRIALS);
  }, 240_000);
});
