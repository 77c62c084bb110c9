/**
 * The full byte-flip trial (opt-in, not in `npm test` or `npm run bench`): one flipped bit at EVERY
 * byte of a signed bundle, all imported into a real encrypted store in one call. Each must be
 * refused with a reason and write nothing, or (a flip the signature does not cover: layout
 * between tokens) be the very same assessment. `npm test` runs 400 of these
 * (tests/unit/bundle/byte-flips.test.ts).
 *
 *   npx tsx bench/bundle-flips.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initStore, openStore, TEST_KDF } from '../electron/store/index';
import { importTarget } from '../electron/bundle/store-target';
import { importTeamBundles } from '../electron/bundle/team-import';
import { noTrust } from '../electron/bundle/transfer';
import { signerLookup } from '../electron/api/bundle';
import { signedText, teamDoc } from '../tests/fixtures/bundles/team';
import { flipCorpus } from '../tests/fixtures/bundles/flips';

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'carefile-flips-'));
  try {
    await initStore({ dataDir, adminName: 'admin', adminPassphrase: 'violet-harbour-lantern-42', kdf: TEST_KDF });
    const store = await openStore({ dataDir, kdf: TEST_KDF }).unlock('admin', 'violet-harbour-lantern-42');
    const text = signedText(teamDoc(7), store.bundles.sessionSigner()!);
    const corpus = flipCorpus(text, 'all');
    const before = store.audit.head().seq;
    const t = performance.now();
    const options = { actor: 'admin', trust: noTrust('admin'), acceptUnsigned: false, signerOf: signerLookup(store) };
    const reasons = new Map<string, number>();
    let imported = 0;
    for (let i = 0; i < corpus.length; i += 1000) {
      const slice = corpus.slice(i, i + 1000).map((f) => ({ file: `flip-${f.position}`, text: f.text }));
      const { results } = importTeamBundles(importTarget(store), slice, options, (x) => x);
      for (const r of results) {
        if (r.outcome === 'refused') {
          const kind = (r.reason ?? '').split(/[:(]/)[0]!.trim();
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
        } else imported++;
      }
    }
    const ids = store.assessments.list().map((a) => a.id);
    const ok = (imported === 0 && store.audit.head().seq === before && ids.length === 0) || (imported >= 1 && ids.join() === 'team-00007');
    console.log(`${corpus.length} flips (every byte) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const [kind, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  refused, ${kind}: ${n}`);
    console.log(`  accepted (layout only, the same assessment): ${imported}`);
    console.log(ok && store.audit.verify().ok ? 'nothing written by any refused flip: OK' : 'SOMETHING WAS WRITTEN: FAIL');
    store.close();
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
void main();
