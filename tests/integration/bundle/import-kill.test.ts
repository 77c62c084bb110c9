/**
 * Issue 14 item 2 / issue 12 item 6: a team import killed (SIGKILL) midway leaves every bundle
 * either fully in the store (assessment, attachment, audit events) or fully out, the audit chain
 * intact, and the same import run again finishes the job with the ones already in `unchanged`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf, tempDir } from '../../unit/store/helpers';
import { openStore } from '../../../electron/store/index';
import { importTarget } from '../../../electron/bundle/store-target';
import { importTeamBundles } from '../../../electron/bundle/team-import';
import { noTrust } from '../../../electron/bundle/transfer';
import { signerLookup } from '../../../electron/api/bundle';
import { signedText, teamDoc } from '../../fixtures/bundles/team';
import { bundledChild, runChild } from '../kill-child';

const CHILD = join(import.meta.dirname, 'import-child.ts');
// Sized for `npm test` (one kill); more: CAREFILE_KILL_TRIALS=20 npx vitest run tests/integration/bundle/import-kill.test.ts
const BUNDLES = Number(process.env.CAREFILE_KILL_BUNDLES ?? 30);
const TRIALS = Number(process.env.CAREFILE_KILL_TRIALS ?? 1);

/** Runs the importer and SIGKILLs it a random moment after its first commit; resolves with the last count it reported. */
async function runAndKill(dataDir: string, dir: string, delayMs: number): Promise<number> {
  let reported = 0;
  let timer: NodeJS.Timeout | undefined;
  const end = await runChild(bundledChild(CHILD), [dataDir, dir, ADMIN, ADMIN_PASS], (line, kill) => {
    const m = /^done (\d+)$/.exec(line);
    if (!m) return;
    reported = Number(m[1]);
    timer ??= setTimeout(kill, delayMs);
  });
  clearTimeout(timer);
  if (!end.killed) throw new Error(`the import ended before it was killed: ${end.stderr}`);
  return reported;
}

describe('a killed team import', () => {
  it(`leaves each of ${BUNDLES} bundles fully in or fully out (${TRIALS} kills), and finishes when run again`, async () => {
    const { dataDir, store } = await freshStore();
    const signer = store.bundles.sessionSigner()!;
    store.close();
    let reportedTotal = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(tempDir('carefile-kill-bundles-'), 'team');
      mkdirSync(dir);
      const team = Array.from({ length: BUNDLES }, (_, i) => {
        const doc = teamDoc(trial * BUNDLES + i);
        return { id: doc.assessment.id as string, sha: doc.assessment.evidence[0].attachments[0].sha256 as string, text: signedText(doc, signer) };
      });
      team.forEach((b, i) => writeFileSync(join(dir, `b-${String(i).padStart(3, '0')}.json`), b.text));
      const reported = await runAndKill(dataDir, dir, Math.floor(Math.random() * 60));
      reportedTotal += reported;

      const s = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
      expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
      let inStore = 0;
      for (const { id, sha } of team) {
        const a = s.assessments.get(id);
        const provenance = s.audit.events({ entityType: 'bundle-import', entityId: id });
        if (a) {
          inStore++;
          expect(a.evidence[0]!.attachments[0]!.sha256).toBe(sha);
          expect(s.attachments.info(sha), `${id}: its attachment`).toBeDefined();
          expect(provenance.map((e) => e.action), `${id}: its import event`).toEqual(['bundle.signed-import']);
        } else {
          expect(s.attachments.info(sha), `${id} is out, so is its attachment`).toBeUndefined();
          expect(provenance, `${id} is out, so is its import event`).toEqual([]);
        }
      }
      // killed midway: what it reported is in, and not everything made it
      expect(inStore).toBeGreaterThanOrEqual(reported);
      expect(inStore).toBeLessThan(BUNDLES);
      expect(s.audit.verify().ok).toBe(true);

      // the same import again finishes it
      const files = team.map((b, i) => ({ file: `b-${i}`, text: b.text }));
      const again = importTeamBundles(importTarget(s), files, { actor: ADMIN, trust: noTrust(ADMIN), acceptUnsigned: false, signerOf: signerLookup(s) }, (x) => x);
      expect(again.summary).toEqual({ imported: BUNDLES - inStore, unchanged: inStore, superseded: 0, refused: 0 });
      s.close();
    }
    expect(reportedTotal).toBeGreaterThan(0);
  }, 120_000);
});
