import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage, NewAssessmentPage, VerifyPage } from './page-models/assessment-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';
import { backToTaskList, DraftArea, LockedPart, openPart } from './page-models/case-pages';
import { CaseListPage } from './page-models/caselist-pages';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };
// The two assessors named in the compliant fixture, as users of this store.
const RUTH = { user: 'r.adeyemi', pass: 'copper meadow falcon 19' };
const TOMASZ = { user: 't.nowak', pass: 'linen quarry heron 64' };
const PRIYA = { user: 'p.raman', pass: 'walnut signal meadow 27' };


function pdfsig(file: string): string {
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
}

// The set-up runs the real CLI six times (init, four users, an import) before each test, inside the
// test's time: on a busy shared machine that alone can pass a minute.
test.describe.configure({ timeout: 180_000 });

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
  await expect(a.handoverStep).toContainText('The record is signed at the “Decision” stage or later');
  await a.openCheckAnswers();
  await expect(a.signButton()).toHaveCount(0);
  // (Check your answers at both sizes: flow.spec.ts.)
  expect(await carefileApp.seriousA11yViolations()).toEqual([]);

  await new MainNav(page).open('Assessments');
  await carefileApp.guideShot('assessments');
  await list.startNew();
  const form = new NewAssessmentPage(page);
  // Started with nothing: the summary at the top names each missing field in plain words and takes you to it.
  await form.submit();
  await expect(form.errorSummary).toContainText('Council reference: Give the council reference.');
  await expect(form.errorSummary).toContainText('Name, as the young person says it (Latin alphabet): Give the name as the young person says it.');
  await expect(form.errorSummary).toBeFocused();
  await form.errorSummary.getByRole('link', { name: /^Council reference/ }).click();
  await expect(page.getByLabel('Council reference')).toBeFocused();
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
  // Kept as a draft in the store as it is typed: a reload brings it all back.
  const draft = new DraftArea(page);
  await expect(draft.status).toHaveText(/^Draft saved at \d\d:\d\d$/);
  await page.reload();
  const unlock = new UnlockPage(page);
  await expect(unlock.heading.or(form.heading)).toBeVisible();
  if (await unlock.heading.isVisible()) await unlock.unlock(ASHA.user, ASHA.pass);
  await expect(draft.restored).toBeVisible();
  await expect(page.getByLabel('Council reference')).toHaveValue('AA-2026-0201');
  await expect(page.getByLabel('Year')).toHaveValue('1388');
  await expect(page.getByLabel('Why is the stated age doubted?')).toHaveValue(/No documents\.$/);
  await draft.keep();
  await carefileApp.expectAccessible('new assessment');
  await carefileApp.guideShot('new-assessment-dates', page.getByRole('group', { name: /^Stated date of birth/ }));
  await carefileApp.guideShot('new-assessment-wording', form.field('Why is the stated age doubted?'));
  await form.submit();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AA-2026-0201: Abdul Rahman Karimi');
  await expect(a.presumption).toContainText('Treated as a child aged 16 (stated age) until a lawful decision');
  await expect(a.nextStage).toContainText('Before you start');
  await carefileApp.guideShot('new-case');
  await carefileApp.guideShot('next-stage', a.nextStage);
});

test('three people hand the record over inside the app: sign, countersign, authorise; only the final record leaves it, and verifies', async ({ page, app }, info) => {
  const carefileApp = new AppPage(page);
  const unlock = new UnlockPage(page);
  const nav = new MainNav(page);
  const list = new CaseListPage(page);
  const a = new AssessmentPage(page);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await carefileApp.open(app.url);
  await unlock.unlock(RUTH.user, RUTH.pass);
  await list.open('AA-2026-0147');
  await expect(a.presumption).toContainText('Decided on');

  // Link the assessors named in the assessment to their Carefile users, so AA-30 can tell who has signed.
  await openPart(page, 'Participants and information requests');
  for (const [n, label] of [[1, 'Ruth Adeyemi, assessor (social worker)'], [2, 'Tomasz Nowak, assessor (social worker)']] as const) {
    await page.getByRole('group', { name: `Participant ${n}` }).getByLabel('Carefile user (who signs the record as this person)').selectOption({ label });
  }
  await carefileApp.guideShot('participants', page.getByRole('group', { name: 'Participant 1' }));
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();

  // Ruth previews the record inside the app, then signs: the record stays with the assessment.
  await backToTaskList(page);
  await expect(a.handoverStep).toContainText('Waiting for your signature. Next: Ruth Adeyemi or Tomasz Nowak signs the record first');
  // The first signature comes after check your answers, on its own page.
  await a.openCheckAnswers();
  await page.getByRole('button', { name: 'Preview the record before signing' }).click();
  await expect(page.getByRole('img', { name: /^Record preview AA-2026-0147, page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  await carefileApp.expectAccessible('record preview');
  await carefileApp.guideShot('record-preview');
  await a.signInApp(RUTH.pass, 'Sign the record');
  // The preview is gone: it is not the signed record, which is drawn only on request.
  await expect(page.getByRole('img', { name: /^Record preview/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'View the signed record' })).toBeVisible();
  await carefileApp.guideShot('signed-first', page.getByRole('region', { name: 'Declaration and signature' }));
  await expect(a.handoverStep).toContainText('Waiting for the countersignature of Tomasz Nowak; then a manager authorises.');
  await backToTaskList(page);
  // Signed: the parts are read-only, and the page says why (the main side refuses a save too:
  // tests/unit/api/authority.test.ts).
  await openPart(page, 'Young person and reason for doubt');
  const locked = new LockedPart(page);
  await expect(locked.notice).toBeVisible();
  await expect(page.getByLabel('Why is the stated age doubted?')).toBeDisabled();
  expect(await locked.fields.count()).toBeGreaterThan(5);
  expect(await locked.fields.evaluateAll((els) => els.filter((el) => !el.matches(':disabled')).map((el) => el.id))).toEqual([]);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await backToTaskList(page);

  // Tomasz finds it waiting for him on his list and countersigns from the case. Signing in after
  // Ruth locked, he lands on his own list, not on the case she left open.
  await nav.lock();
  await unlock.unlock(TOMASZ.user, TOMASZ.pass);
  await expect(page).toHaveURL(/#\/assessments$/);
  await expect(list.row('AA-2026-0147')).toContainText('Waiting for your countersignature');
  await page.getByLabel('Needs my action').check();
  await expect.poll(() => list.references()).toEqual(['AA-2026-0147']);
  await carefileApp.guideShot('countersign-waiting');
  await list.open('AA-2026-0147');
  await expect(a.handoverStep).toContainText('Waiting for your countersignature.');
  await carefileApp.guideShot('countersign', a.handoverPanel);
  await a.signInApp(TOMASZ.pass, 'Countersign the record');
  await expect(a.handoverStep).toContainText('Waiting for the authorisation of');
  await expect(a.findings).not.toContainText('AA-30');

  // Priya, the manager, has it in her queue and authorises it from the case by adding her signature.
  await nav.lock();
  await unlock.unlock(PRIYA.user, PRIYA.pass);
  await expect(page).toHaveURL(/#\/assessments$/);
  await expect(list.row('AA-2026-0147')).toContainText('Waiting for your authorisation');
  await carefileApp.guideShot('authorise-waiting');
  await list.open('AA-2026-0147');
  await page.getByRole('button', { name: 'View the signed record' }).click();
  await expect(page.getByRole('img', { name: /^Signed record AA-2026-0147, page 1 of/ })).toBeVisible({ timeout: 30_000 });
  await carefileApp.guideShot('signed-record');
  await a.signInApp(PRIYA.pass, 'Authorise and sign', 'Thorough and fair; the benefit of the doubt is clearly applied.');
  await expect(a.handoverStep).toContainText('Authorised by Priya Raman');
  await carefileApp.expectAccessible('authorised');
  await carefileApp.guideShot('authorised', a.handoverPanel);
  expect(downloads).toEqual([]);

  // The final record is the one file that leaves the app; pdfsig and Verify both accept it.
  const final = info.outputPath('final.pdf');
  await a.exportFinal(final);
  expect(downloads).toHaveLength(1);
  expect(pdfsig(final).match(/Signature is Valid\./g)).toHaveLength(3);
  await nav.open('Verify a record');
  const verify = new VerifyPage(page);
  await verify.open(readFileSync(final), 'final.pdf');
  await expect(verify.result).toContainText('valid, 3 signatures');
  await carefileApp.expectAccessible('verify');
  await carefileApp.guideShot('verify');
  const bytes = readFileSync(final);
  bytes[Math.floor(bytes.length / 3)] ^= 0x01;
  await verify.open(bytes, 'tampered.pdf');
  await expect(verify.result).toContainText('NOT valid');
});
