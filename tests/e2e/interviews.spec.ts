import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage } from './page-models/assessment-pages';
import { DomainsTimelinePage, EvidencePage, SessionsPage } from './page-models/interviews-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';

const GRACE = { user: 'g.mensah', pass: 'willow harbour ember 77' };

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');


/**
 * Farid's assessment (the minimal fixture: arrived 1 September 2026, 05:30 UK time) moved on to the
 * analysis stage with no interview recorded yet, so the interview-stage safeguards all apply.
 */
test.beforeEach(async ({ app }) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-interviews-'));
  const bundle = JSON.parse(readFileSync(path.join(BUNDLES, 'minimal.json'), 'utf8'));
  bundle.assessment.reference = 'SCN-INTERVIEWS';
  bundle.assessment.stage = 'analysis';
  bundle.assessment.stageHistory.push({ stage: 'explaining', enteredOn: '2026-09-04T10:00:00+01:00' }, { stage: 'interviews', enteredOn: '2026-09-04T11:00:00+01:00' }, { stage: 'analysis', enteredOn: '2026-09-11T09:00:00+01:00' });
  writeFileSync(path.join(tmp, 'interviews.json'), JSON.stringify(bundle));
  new RecordsOfficer(app.dataDir).setUp().addUser(GRACE, 'Grace Mensah').import(path.join(tmp, 'interviews.json'));
});

async function openFarid(page: import('@playwright/test').Page, url: string): Promise<{ carefileApp: AppPage; a: AssessmentPage }> {
  const carefileApp = new AppPage(page);
  await carefileApp.open(url);
  await new UnlockPage(page).unlock(GRACE.user, GRACE.pass);
  await new AssessmentsPage(page).openAssessment('SCN-INTERVIEWS');
  const a = new AssessmentPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Farid Ahmadi');
  return { carefileApp, a };
}

test('sessions: one on the day of arrival shows AA-11; a second session and breaks clear AA-14; domains and a Solar Hijri timeline clear AA-15', async ({ page, app }) => {
  const { carefileApp, a } = await openFarid(page, app.url);
  await expect(a.findings).toContainText('No interview session is recorded.');

  const sessions = new SessionsPage(page);
  await sessions.open('Interview sessions');
  await sessions.add();
  await sessions.setTimes(1, { start: '2026-09-01T15:00', end: '2026-09-01T17:00' });
  await sessions.present(1, 'Grace Mensah, assessor (social worker)');
  await sessions.present(1, 'Wahid Noori, interpreter');
  await expect(sessions.timing(1)).toContainText('Length: 2 hours, with no break. Longest stretch without a break: 2 hours.');
  await sessions.save();
  await expect(a.findings).toContainText(/AA-11: Session 1 began \d+ hours after arrival in the UK/);
  await expect(a.findings).toContainText('Session 1 ran 120 minutes without a break');
  await expect(a.findings).toContainText('Only 1 interview session is recorded.');
  await page.screenshot({ path: 'test-results/screens/interviews-sessions-day-of-arrival.png', fullPage: true });

  // The main side refuses what the model does not allow; its message sits by the field, the text stays.
  const longPlace = `Kingsway family centre ${'and the room next door '.repeat(25)}`;
  await sessions.field('Place of session 1').fill(longPlace);
  await page.getByRole('button', { name: 'Save the sessions' }).click();
  await expect(sessions.form.getByRole('group', { name: 'Session 1', exact: true }).locator('.field-error')).toContainText('500');
  await expect(sessions.field('Place of session 1')).toHaveValue(longPlace);
  await sessions.form.screenshot({ path: 'test-results/screens/interviews-sessions-refused.png' });
  await sessions.field('Place of session 1').fill('Kingsway family centre, quiet room');

  // Rearranged: after rest, with a break, and a second session the next day.
  await sessions.setTimes(1, { start: '2026-09-04T10:00', end: '2026-09-04T11:30', breaks: [{ start: '2026-09-04T10:45', end: '2026-09-04T11:00' }] });
  await expect(sessions.timing(1)).toContainText('Length: 1 hour 30 minutes, of which 15 minutes in one break. Longest stretch without a break: 45 minutes.');
  await sessions.add();
  await sessions.setTimes(2, { start: '2026-09-05T10:00', end: '2026-09-05T10:50' });
  await expect(sessions.form.getByRole('group', { name: 'Session 2', exact: true }).getByLabel('Grace Mensah, assessor (social worker)')).toBeChecked();
  await sessions.field('Summary of session 2').fill('Farid says he is lying about nothing; he described his school in Herat.');
  await expect(sessions.form.locator('.wording-notes')).toBeVisible();
  await sessions.field('Summary of session 2').fill('Farid described his school in Herat and the teachers he remembers.');
  await sessions.save();
  await expect(a.findings).not.toContainText('AA-14');
  await expect(a.findings).not.toContainText('AA-11');
  await expect(sessions.timing(2)).toContainText('Longest stretch without a break: 50 minutes.');
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/interviews-sessions.png', fullPage: true });
  await page.locator('section.editors').screenshot({ path: 'test-results/screens/interviews-sessions-editor.png' });

  // Domains: AA-15 until every one is explored, or not explored with a reason.
  await expect(a.findings).toContainText('AA-15');
  const domains = new DomainsTimelinePage(page);
  await domains.open('Merton domains and life timeline');
  for (const d of ['Family', 'Social history', 'Education', 'Development and self-care', 'Health', 'Journey', 'Culture and possessions', 'Other sources']) {
    await domains.explored(d, `${d}: explored with Farid over both sessions.`);
  }
  await domains.notExplored('Documents', 'Farid has no documents of his own.');

  await domains.addEvent(1, { event: 'Born', calendar: 'Solar Hijri (Afghanistan, Iran)', year: '1389', month: '1', day: '15', asSaid: '15 Hamal 1389' });
  await expect(domains.event(1)).toContainText('Gregorian: 4 April 2010.');
  await domains.addEvent(2, { event: 'Left Herat', calendar: 'Solar Hijri (Afghanistan, Iran)', year: '1404' });
  await expect(domains.event(2)).toContainText('Gregorian: between 21 March 2025 and 20 March 2026');
  await domains.field('Event 2: month').fill('13');
  await expect(domains.event(2).getByRole('alert')).toContainText('Month 13 does not exist in year 1404 of the Solar Hijri');
  await domains.page.getByRole('button', { name: 'Save the domains and timeline' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved. Timeline event 2 (“Left Herat”)' })).toBeVisible();
  await expect(domains.field('Event 2: what happened')).toHaveValue('Left Herat');
  await domains.field('Event 2: month').fill('');
  await domains.save();
  await expect(a.findings).not.toContainText('AA-15');
  await expect(a.findings).not.toContainText('AA-40');
  await expect(domains.event(1)).toContainText('Gregorian: 4 April 2010.');
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/interviews-domains-timeline.png', fullPage: true });
  await page.locator('section.editors').screenshot({ path: 'test-results/screens/interviews-domains-timeline-editor.png' });
});

test('evidence: a rejected identity document needs reasons (AA-16), an appearance note needs context (AA-19), an uploaded PNG shows its SHA-256', async ({ page, app }) => {
  const { carefileApp, a } = await openFarid(page, app.url);
  const evidence = new EvidencePage(page);
  await evidence.open('Evidence');
  await expect(evidence.field('Evidence 1: title')).toHaveValue("Foster carer's letter");

  await evidence.add(2, { kind: 'Identity document (passport, ID card, birth certificate)', title: 'Tazkira' });
  await evidence.field('Evidence 2: weight').selectOption({ label: 'Some weight' });
  await evidence.field('Evidence 2: reasons for this weight').fill('Issued in Herat; the young person explained how his uncle obtained it.');
  await evidence.field('Evidence 2: rejected').check();
  await evidence.add(3, { kind: 'Observation of physical appearance', title: 'Facial hair noted at screening' });
  await evidence.save();
  await expect(a.findings).toContainText('Document "Tazkira" is rejected without reasons.');
  await expect(a.findings).toContainText('Observation "Facial hair noted at screening" has no context');
  await expect(a.findings).toContainText('AA-19');

  await evidence.field('Evidence 2: why it is rejected').fill('The dates on it were written after his arrival and do not match the issuing office records.');
  await evidence.field('Evidence 3: context of the observation').fill('Observed after a long journey; facial hair develops early in his family and community.');
  await evidence.field('Evidence 3: reliability caveat').fill('Appearance is not a reliable guide to age; it carries little weight on its own.');

  // A file that is not what its name says is refused with a clear message; a real PNG is stored.
  await evidence.attach(2, 'Tazkira', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]) });
  await expect(evidence.item(2).getByRole('alert')).toContainText('"photo.png" is not a PDF, JPEG, PNG, WebP image or plain-text file');
  await evidence.attach(2, 'Tazkira', { name: 'tazkira-scan.png', mimeType: 'image/png', buffer: PNG });
  await expect(evidence.item(2)).toContainText(`tazkira-scan.png (image/png, ${PNG.length} bytes) · SHA-256 `);
  // An item without a title is not sent; the message sits by the field and nothing typed is lost.
  await evidence.add(4, { kind: 'Scientific method (e.g. X-ray, MRI)', title: '' });
  await evidence.field('Evidence 4: method').fill('Dental X-ray');
  await evidence.field('Evidence 4: the young person refused').check();
  await page.getByRole('button', { name: 'Save the evidence' }).click();
  await expect(evidence.item(4).getByRole('alert')).toContainText('Give this item a title');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved: evidence 4 has no title.' })).toBeVisible();
  await expect(evidence.field('Evidence 4: method')).toHaveValue('Dental X-ray');
  await expect(evidence.field('Evidence 3: reliability caveat')).toHaveValue(/not a reliable guide/);
  await evidence.field('Evidence 4: title').fill('Dental X-ray offered');
  await evidence.save();
  await expect(a.findings).toContainText('AA-35: Refusal of "Dental X-ray" is recorded without the young person\'s reasons.');
  await expect(a.findings).not.toContainText('Tazkira');
  await expect(a.findings).not.toContainText('AA-19');
  const sha = (await evidence.item(2).locator('.mono').textContent())?.trim();
  expect(sha).toBe(createHash('sha256').update(PNG).digest('hex'));
  await evidence.field('Evidence 4: their reasons for refusing, in their words').fill('“I do not want radiation; my uncle said it harms you.”');
  await evidence.save();
  await expect(a.findings).not.toContainText('AA-35');
  await expect(evidence.item(2)).toContainText(sha!);
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/interviews-evidence.png', fullPage: true });
  await page.locator('section.editors').screenshot({ path: 'test-results/screens/interviews-evidence-editor.png' });
});
