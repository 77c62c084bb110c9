import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage, NewAssessmentPage, VerifyPage } from './page-models/assessment-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';
import { backToTaskList, openPart } from './page-models/case-pages';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };
// The two assessors named in the compliant fixture, as users of this store.
const RUTH = { user: 'r.adeyemi', pass: 'copper meadow falcon 19' };
const TOMASZ = { user: 't.nowak', pass: 'linen quarry heron 64' };
const PRIYA = { user: 'p.raman', pass: 'walnut signal meadow 27' };


function pdfsig(file: string): string {
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
}

test.beforeEach(async ({ app }) => {
  new RecordsOfficer(app.dataDir)
    .setUp()
    .addUser(ASHA, 'Asha Okafor')
    .addUser(RUTH, 'Ruth Adeyemi')
    .addUser(TOMASZ, 'Tomasz Nowak')
    .addUser(PRIYA, 'Priya Raman', 'manager')
    .import(path.join(BUNDLES, 'compliant.json'), path.join(BUNDLES, 'same-day-interview.json'));
});

test('a same-day interview without an appropriate adult cannot be signed; a new assessment starts with the presumption and wording notes', async ({ page, app }) => {
  const carefileApp = new AppPage(page);
  await carefileApp.open(app.url);
  await new UnlockPage(page).unlock(ASHA.user, ASHA.pass);
  const list = new AssessmentsPage(page);
  await list.openAssessment('SCN-SAME-DAY');
  const a = new AssessmentPage(page);
  await expect(a.presumption).toContainText('treated as a child aged 16');
  await expect(a.findings).toContainText('AA-09');
  await expect(a.findings).toContainText('AA-11');
  await a.openCheckAnswers();
  await expect(a.signButton()).toBeDisabled();
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/same-day.png', fullPage: true });

  await new MainNav(page).open('Assessments');
  await list.startNew();
  const form = new NewAssessmentPage(page);
  await form.fill({
    reference: 'AA-2026-0201',
    nameLatin: 'Abdul Rahman Karimi',
    nameOwnScript: 'عبدالرحمن کریمی ۱۳۸۸',
    statedAge: '16',
    calendar: 'Solar Hijri (Afghanistan, Iran)',
    dob: { year: '1388', month: '1', day: '1', asSaid: '1 Hamal 1388' },
    nationality: 'Afghan',
    nationalityCode: 'Afghanistan (AF)',
    language: 'Dari (Herati)',
    languageCode: 'Dari (prs)',
    reasonForDoubt: 'Police referral: he claims to be 16 but the officer thought he looked older. No documents.',
  });
  await expect(form.wordingNotes).toContainText('claims to be');
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/new-assessment.png', fullPage: true });
  await form.submit();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AA-2026-0201: Abdul Rahman Karimi');
  await expect(a.presumption).toContainText('Treated as a child aged 16 (stated age) until a lawful decision');
  await expect(a.nextStage).toContainText('Before you start');
  await page.screenshot({ path: 'test-results/screens/assessment.png', fullPage: true });
});

test('two assessors sign and countersign the record in the app; the PDF verifies in the app and with pdfsig', async ({ page, app }, info) => {
  const carefileApp = new AppPage(page);
  const unlock = new UnlockPage(page);
  const nav = new MainNav(page);
  const first = info.outputPath('signed-1.pdf');
  const second = info.outputPath('signed-2.pdf');

  await carefileApp.open(app.url);
  await unlock.unlock(RUTH.user, RUTH.pass);
  await new AssessmentsPage(page).openAssessment('AA-2026-0147');
  const a = new AssessmentPage(page);
  await expect(a.presumption).toContainText('Decided on');

  // Link the assessors named in the assessment to their Carefile users, so AA-30 can tell who has signed.
  await openPart(page, 'Participants and information requests');
  for (const [n, label] of [[1, 'Ruth Adeyemi (assessor)'], [2, 'Tomasz Nowak (assessor)']] as const) {
    await page.getByRole('group', { name: `Participant ${n}` }).getByLabel('Carefile user (who signs the record as this person)').selectOption({ label });
  }
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();

  await a.openCheckAnswers();
  await expect(a.signButton()).toBeDisabled();
  await a.sign(RUTH.pass, first);
  await expect(page.getByText(/Signed by Ruth Adeyemi/)).toBeVisible();
  await backToTaskList(page);
  await expect(a.findings).toContainText('Assessor Tomasz Nowak has not signed.');
  // A signed assessment is locked; a correction is an addendum, signed by its author.
  await page.getByLabel('A correction (addendum)').fill('The interpreter\'s name is spelt Mebrat Gebremedhin throughout.');
  await page.getByRole('button', { name: 'Add the addendum' }).click();
  await expect(page.getByText('not yet signed')).toBeVisible();
  await page.getByLabel('Your passphrase (to sign an addendum you wrote)').fill(RUTH.pass);
  await page.getByRole('button', { name: 'Sign this addendum' }).click();
  await expect(page.getByText(/· signed /)).toBeVisible();

  await nav.lock();
  await unlock.unlock(TOMASZ.user, TOMASZ.pass);
  await nav.open('Verify a record');
  const verify = new VerifyPage(page);
  await verify.open(readFileSync(first), 'signed-1.pdf');
  await expect(verify.result).toContainText('valid, 1 signature');
  await expect(page.getByRole('table')).toContainText('Ruth Adeyemi (assessor)');
  await verify.countersign(TOMASZ.pass, second);
  await expect(verify.result).toContainText('valid, 2 signatures');
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/verify.png', fullPage: true });

  const sig = pdfsig(second);
  expect(sig.match(/Signature is Valid\./g)).toHaveLength(2);

  // One changed byte and the app says so.
  const bytes = readFileSync(second);
  bytes[Math.floor(bytes.length / 3)] ^= 0x01;
  await verify.open(bytes, 'tampered.pdf');
  await expect(verify.result).toContainText('NOT valid');
  await expect(page.getByTestId('verify-summary')).toContainText(/^Signed by Ruth Adeyemi and Tomasz Nowak; the document was changed after signing/);
  await expect(page.getByRole('table')).toContainText('Tomasz Nowak');

  // Both assessors have now signed: AA-30 is met.
  await nav.open('Assessments');
  await new AssessmentsPage(page).openAssessment('AA-2026-0147');
  await expect(page.getByText(/Signed by Ruth Adeyemi .*; Tomasz Nowak/)).toBeVisible();
  await expect(a.findings).not.toContainText('AA-30');

  // The manager authorises the signed record; the comment and the authorisation are kept.
  await nav.lock();
  await unlock.unlock(PRIYA.user, PRIYA.pass);
  await new AssessmentsPage(page).openAssessment('AA-2026-0147');
  await page.getByLabel('Your comment').fill('Thorough and fair; the benefit of the doubt is clearly applied.');
  await page.getByRole('button', { name: 'Authorise' }).click();
  await expect(page.getByText(/^Authorised by Priya Raman/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Management review' })).toContainText('Thorough and fair');
  await expect(a.findings).not.toContainText('AA-30');
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);
});
