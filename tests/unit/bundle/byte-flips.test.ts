/**
 * Issue 12 item 6 / issue 14 item 1: single-byte flips over a signed bundle, imported into a real
 * encrypted store. Every flip is refused with a plain reason and nothing of it is written, or, where
 * the flip changed only layout (the signature covers content, not whitespace), it is the same
 * assessment. 400 flips spread over the file run here; `npx tsx bench/bundle-flips.ts` runs every byte.
 */
import { describe, expect, it } from 'vitest';
import { freshStore } from '../store/helpers';
import { importTarget } from '../../../electron/bundle/store-target';
import { importTeamBundles } from '../../../electron/bundle/team-import';
import { noTrust } from '../../../electron/bundle/transfer';
import { signerLookup } from '../../../electron/api/bundle';
import { signedText, teamDoc } from '../../fixtures/bundles/team';
import { flipCorpus } from '../../fixtures/bundles/flips';

const FLIPS = 400;

describe('byte flips over a signed bundle', () => {
  it(`${FLIPS} flips: each refused with a reason and nothing written, or the very same content`, async () => {
    const { store } = await freshStore();
    const text = signedText(teamDoc(7), store.bundles.sessionSigner()!);
    const corpus = flipCorpus(text, FLIPS);
    const before = store.audit.head().seq;
    const options = { actor: 'admin', trust: noTrust('admin'), acceptUnsigned: false, signerOf: signerLookup(store) };
    const { results, summary } = importTeamBundles(importTarget(store), corpus.map((f) => ({ file: `flip-${f.position}-${f.bit}`, text: f.text })), options, (x) => x);

    const written = results.filter((r) => r.outcome !== 'refused');
    // A flip the signature does not cover (layout between tokens) can only ever be the original.
    expect(summary.imported).toBeLessThanOrEqual(1);
    expect(summary.superseded).toBe(0);
    for (const r of results) if (r.outcome === 'refused') expect(r.reason, r.file).toMatch(/^(tampered or damaged|not a bundle|unsigned|not a valid)/);
    const ids = store.assessments.list().map((a) => a.id);
    if (written.length === 0) {
      expect(store.audit.head().seq).toBe(before);
      expect(ids).toEqual([]);
    } else {
      expect(ids).toEqual(['team-00007']);
      const clean = importTeamBundles(importTarget(store), [{ file: 'original', text }], options, (x) => x);
      expect(clean.summary.unchanged).toBe(1);
    }
    console.log(`byte flips: ${summary.refused} of ${FLIPS} refused, ${written.length} layout-only`);
    expect(summary.refused).toBeGreaterThan(FLIPS * 0.9);
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });
});
