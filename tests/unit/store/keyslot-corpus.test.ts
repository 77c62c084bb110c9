import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf } from './helpers';
import { openStore, storePaths, StoreError } from '../../../electron/store/index';

/**
 * The key-slot byte-flip corpus (issue 12.6): single-byte changes at seeded positions of
 * keyslots.json. Each must end in a clear, typed refusal (STORE_UNAVAILABLE or AUTH_FAILED, never
 * a crash or an untyped error) with the database not written, or, where the byte did not matter,
 * in a normal unlock. `npm test` runs CASES positions; CAREFILE_CORPUS_FULL=1 flips every byte.
 */
const CASES = 16;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('key-slot byte-flip corpus', () => {
  it(`refuses every damaging change clearly and writes nothing (${process.env.CAREFILE_CORPUS_FULL ? 'every byte' : `${CASES} seeded positions`})`, async () => {
    const { dataDir, store } = await freshStore();
    store.close();
    const paths = storePaths(dataDir);
    let original = readFileSync(paths.keySlots);
    const random = seeded(12);
    const positions = process.env.CAREFILE_CORPUS_FULL
      ? Array.from({ length: original.length }, (_, i) => i)
      : Array.from({ length: CASES }, () => Math.floor(random() * original.length));
    let day = 0;
    const outcomes = new Map<string, number>();
    for (const pos of positions) {
      const flipped = Buffer.from(original);
      flipped[pos] = flipped[pos]! ^ (1 << (pos % 7));
      writeFileSync(paths.keySlots, flipped);
      const dbBefore = sha(readFileSync(paths.db));
      day += 1;
      const now = () => new Date(Date.now() + day * 86_400_000); // past any back-off from earlier cases
      let outcome: string;
      let handle: ReturnType<typeof openStore> | undefined;
      try {
        handle = openStore({ dataDir, kdf, now });
        await handle.unlock(ADMIN, ADMIN_PASS);
        outcome = 'opened';
        handle.close();
        // The byte did not matter to opening (a flipped head or witness is recorded as an alarm,
        // store-06); the store has rewritten its file: that is the original from now on.
        original = readFileSync(paths.keySlots);
      } catch (err) {
        expect(err, `byte ${pos}: ${String(err)}`).toBeInstanceOf(StoreError);
        const code = (err as StoreError).code;
        expect(['STORE_UNAVAILABLE', 'AUTH_FAILED'], `byte ${pos}`).toContain(code);
        expect((err as Error).message.length).toBeGreaterThan(20);
        expect(sha(readFileSync(paths.db)), `byte ${pos} changed the database`).toBe(dbBefore);
        outcome = code;
      } finally {
        handle?.close();
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      writeFileSync(paths.keySlots, original);
    }
    // Most single-byte changes break the file or its seals.
    expect((outcomes.get('STORE_UNAVAILABLE') ?? 0) + (outcomes.get('AUTH_FAILED') ?? 0)).toBeGreaterThan(positions.length / 2);
    const s = await openStore({ dataDir, kdf, now: () => new Date(Date.now() + (day + 1) * 86_400_000) }).unlock(ADMIN, ADMIN_PASS);
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    s.close();
  }, 60_000);
});
