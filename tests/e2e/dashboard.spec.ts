/**
 * The manager's dashboard (issue 14 item 6), in real Chromium against the real main side: a team's
 * bundles imported with the CLI; on the case screen, one decision recorded as overturned and one
 * reopened (issue 14 item 5); then the figures, the disparity view, a drill-down to the case, CSV,
 * the PDF report, and axe at 1280×720 and 200% zoom. It also refreshes the screenshots in
 * docs/images/ that docs/user-guide.md shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { AssessmentsPage } from './page-models/assessment-pages';
import { AfterDecisionPanel } from './page-models/reassessment-pages';
import { DashboardPage } from './page-models/dashboard-pages';
import { BUNDLES, RecordsOfficer, type Person } from './page-models/records-officer';

const PRIYA: Person = { user: 'p.raman', pass: 'walnut signal meadow 27' };

test.use({ viewport: { width: 1280, height: 720 } });
// The set-up runs the real CLI three times (init, a manager, the import): room for a busy machine.
test.setTimeout(180_000);

/** A team's decided assessments: six Eritrean (four found adult), three Afghan (a group under 5). */
function teamBundles(dir: string): string[] {
  const base = JSON.parse(readFileSync(path.join(BUNDLES, 'compliant.json'), 'utf8'));
  const make = (n: number, code: 'ER' | 'AF', adult: boolean) => {
    const b = structuredClone(base);
    const a = b.assessment;
    a.id = `e2e-quality-${code}-${n}`;
    a.reference = `Q-${code}-${n}`;
    a.youngPerson.id = `yp-quality-${code}-${n}`;
    if (code === 'AF') {
      a.youngPerson.nationality = 'Afghan';
      a.youngPerson.nationalityCode = 'AF';
      a.youngPerson.languages = [{ language: 'Pashto', code: 'pus', firstLanguage: true }];
    }
    if (adult) a.decision = { ...a.decision, outcome: 'adult', ageLow: 19, ageHigh: 21, dateOfBirth: '2006-01-01' };
    const file = path.join(dir, `${a.reference}.json`);
    writeFileSync(file, JSON.stringify(b));
    return file;
  };
  return [...[1, 2, 3, 4, 5, 6].map((n) => make(n, 'ER', n <= 4)), ...[1, 2, 3].map((n) => make(n, 'AF', false))];
}

test.beforeEach(async ({ app }) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-dashboard-'));
  new RecordsOfficer(app.dataDir).setUp().addUser(PRIYA, 'Priya Raman', 'manager').import(...teamBundles(tmp));
});

test('a manager reads the figures and the disparity view, opens the cases behind one, exports CSV and the PDF report; axe finds nothing serious', async ({ page, app }) => {
  const shell = new AppPage(page);
  await shell.open(app.url);
  await new UnlockPage(page).unlock(PRIYA.user, PRIYA.pass);
  // A tribunal changed one outcome; a judgment reopens another (the case screen's "After the decision").
  const list = new AssessmentsPage(page);
  const after = new AfterDecisionPanel(page);
  await list.openAssessment('Q-ER-2');
  await after.recordOverturned({ by: 'A tribunal', body: 'Upper Tribunal (IAC)', on: '2026-11-02', outcome: 'A child (under 18)', dob: '2009-06-01', reason: 'The tribunal found the baptism certificate reliable and the account consistent.' });
  await expect(after.panel).toContainText('Overturned by a tribunal (Upper Tribunal (IAC)) on 2026-11-02: found a child, born 2009-06-01.');
  await new MainNav(page).open('Assessments');
  await list.openAssessment('Q-ER-1');
  await after.reopen('A tribunal or court judgment', 'The Upper Tribunal declared a date of birth in 2009 on the school records.', '2026-10-20');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q-ER-1-R1');
  await expect(after.panel).toContainText('This is a reassessment.');

  const dash = new DashboardPage(page);
  await dash.open();

  await expect(dash.period).toHaveText('9 assessments decided at any time; every assessor.');
  await expect(dash.chart('Outcomes of the decided assessments')).toContainText('and 4 (44%) found an adult.');
  await expect(dash.table('Outcomes')).toContainText(/Found an adult\s*4/);
  const byNationality = dash.table('Outcomes by nationality');
  await expect(byNationality.getByRole('row', { name: /\(ER\)/ })).toContainText(/6\s*4\s*67%/);
  await expect(byNationality.getByRole('row', { name: /Groups under 5/ })).toContainText(/3\s*suppressed/);
  await expect(dash.table('Reassessed and overturned')).toContainText(/Overturned by a court, tribunal or review \(AA-43\)\s*1/);

  // The picture draws the group's share inside the chart (a dot per group, not off its edge).
  const dots = dash.chart('Share found adult by nationality, with 95% intervals').locator('svg circle');
  await expect(dots).toHaveCount(1);
  const [cx, width] = await dots.evaluate((c) => [Number(c.getAttribute('cx')), Number(c.closest('svg')?.getAttribute('width'))]);
  expect(cx).toBeGreaterThan(width / 2);
  expect(cx).toBeLessThan(width);

  await shell.guideShot('manager-dashboard');
  await shell.guideShot('manager-disparity', page.locator('section', { has: page.getByRole('heading', { name: 'Disparity: who is found an adult' }) }));

  await dash.drill('Outcomes by nationality', /\(ER\)/, 'Found adult');
  await expect(dash.drilldown.getByRole('heading')).toContainText('(4)');
  await expect(dash.drilldown.locator('tbody tr')).toHaveCount(4);
  await shell.expectAccessible('quality dashboard');

  const csv = readFileSync((await (await dash.exportCsv('Outcomes by nationality')).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Group,Assessments (n),Found adult,Adult share,95% interval (Wilson),A safeguard missing,Missing share (95% interval)');
  expect(csv).toContain("\r\nEritrea (ER),6,4,67%,");

  const report = readFileSync((await (await dash.downloadReport()).path())!);
  expect(report.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'The report' })).toContainText('is downloaded');

  // From the figure to the case behind it.
  const first = dash.drilldown.locator('tbody tr').first().getByRole('button');
  const reference = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
});
