/**
 * Team import in the app: the records officer has the team's signed export, a copy someone changed
 * and an old unsigned bundle; the panel under Settings imports them with a progress bar and a
 * summary table, refusing the changed one and the unsigned one with their reasons.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { UnlockPage } from './page-models/store-pages';
import { ImportPanelPage } from './page-models/bundle-pages';
import { ADMIN, BUNDLES, RecordsOfficer } from './page-models/records-officer';

test('the import panel imports a team\'s bundles and says what happened to each', async ({ app, page }) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-e2e-bundles-'));
  const officer = new RecordsOfficer(app.dataDir).setUp().import(path.join(BUNDLES, 'compliant.json'));
  const id = JSON.parse(readFileSync(path.join(BUNDLES, 'compliant.json'), 'utf8')).assessment.id;
  const signed = path.join(tmp, 'signed.json');
  officer.run(ADMIN, 'export', id, '--out', signed, '--with-attachments');
  const changed = JSON.parse(readFileSync(signed, 'utf8'));
  changed.assessment.decision.reasons = 'Changed after export.';
  const tampered = path.join(tmp, 'tampered.json');
  writeFileSync(tampered, JSON.stringify(changed));
  const unsigned = path.join(BUNDLES, 'minimal.json');

  const appPage = new AppPage(page);
  await appPage.open(app.url);
  await new UnlockPage(page).unlock(ADMIN.user, ADMIN.pass);
  const panel = new ImportPanelPage(page);
  await panel.open();
  await panel.importFiles([signed, tampered, unsigned]);

  await expect(panel.summary).toHaveText('0 imported, 1 unchanged, 0 newer versions, 2 refused.');
  await expect(panel.progress).toHaveAttribute('value', '3');
  await expect(panel.row('signed.json')).toContainText('Unchanged');
  await expect(panel.row('signed.json')).toContainText('Records Admin');
  await expect(panel.row('tampered.json')).toContainText('tampered or damaged');
  await expect(panel.row('minimal.json')).toContainText('unsigned');
  await appPage.expectAccessible('import bundles');

  // an administrator accepts the unsigned one explicitly
  await panel.importFiles([unsigned], { acceptUnsigned: true });
  await expect(panel.summary).toHaveText('1 imported, 0 unchanged, 0 newer versions, 0 refused.');
  await expect(panel.row('minimal.json')).toContainText('Unsigned (accepted by an administrator)');
});
