/**
 * The early-stage editors, driven as a social worker would: the trafficking screen and the s.51
 * steps, accommodation, the people taking part, the explanation and consent, and the safeguard
 * log. Each save goes through the real main side, and the safeguard findings on screen follow.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage } from './page-models/assessment-pages';
import { ExplanationConsentEditorPage, ParticipantsEditorPage, SafeguardLogEditorPage, TraffickingEditorPage } from './page-models/people-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };
const REF = 'E2E-EARLY';


/**
 * The compliant fixture with everything these editors record taken out, at the decision stage
 * (so every rule applies) and not yet decided: what an assessment looks like when the early
 * stages were never written up.
 */
function earlyStagesMissing(dir: string): string {
  const bundle = JSON.parse(readFileSync(path.join(BUNDLES, 'compliant.json'), 'utf8'));
  const a = bundle.assessment;
  a.id = 'e2e-early-stages-0001';
  a.reference = REF;
  a.status = 'in-progress';
  a.stage = 'decision';
  delete a.decision;
  a.review = { comments: [] };
  a.trafficking = { screenedOn: '2026-09-02', indicators: [], s51PresumptionApplied: false };
  // One qualified assessor without age-assessment experience; no interpreter, no appropriate adult.
  const gone = ['p-assessor-1', 'p-interpreter', 'p-aa'];
  a.participants = a.participants.filter((p: { id: string }) => !gone.includes(p.id));
  for (const s of a.sessions) s.presentParticipantIds = s.presentParticipantIds.filter((id: string) => !gone.includes(id));
  a.informationRequests = [];
  a.explanation = {};
  a.consent = {};
  a.safeguardLog = [];
  const file = path.join(dir, 'early-stages-missing.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

test.beforeEach(async ({ app }) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'carefile-people-'));
  new RecordsOfficer(app.dataDir).setUp().addUser(ASHA, 'Asha Okafor').import(earlyStagesMissing(tmp));
});

async function openAssessment(page: Page, url: string): Promise<AssessmentPage> {
  await new AppPage(page).open(url);
  await new UnlockPage(page).unlock(ASHA.user, ASHA.pass);
  await new AssessmentsPage(page).openAssessment(REF);
  const a = new AssessmentPage(page);
  await expect(a.findings).toBeVisible();
  return a;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

test('a trafficking indicator brings the s.51 presumption and its steps; recording them clears AA-03 and AA-42; an adult hotel is an AA-02 block', async ({ page, app }) => {
  const a = await openAssessment(page, app.url);
  const prompts = page.locator('.warn-box', { hasText: 'Still to do under the s.51 presumption' });
  await expect(a.findings).not.toContainText('AA-42');

  const t = new TraffickingEditorPage(page);
  await t.open();
  await t.addIndicator({
    indicator: 'Owes money to the people who brought her; they still contact her',
    observedOn: '2026-09-02',
    source: 'Young person, first conversation with the social worker',
    ownWords: 'They said my uncle must still pay them, or they will find me.',
  });
  await t.save();
  await expect(a.presumption).toContainText('Presumed under 18 (Modern Slavery Act 2015 s.51');
  await expect(prompts).toContainText('Make the National Referral Mechanism referral');
  await expect(a.findings).toContainText('AA-42');
  await expect(a.findings).toContainText('No National Referral Mechanism referral is recorded');
  await expect(a.findings).toContainText('the s.51 presumption (treated as under 18) is not');

  // A referral without its date is refused by the main side, named, and nothing typed is lost.
  await t.field('NRM reference').fill('NRM-2026-200417');
  await t.save();
  await expect(t.alert).toContainText('Give a date');
  // The error summary at the top names the problem in plain words (no model path) and links to the field.
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Give a date');
  await expect(summary).not.toContainText('trafficking.nrmReferral');
  await expect(t.field('NRM reference')).toHaveValue('NRM-2026-200417');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await shot(page, 'people-trafficking-error');

  await t.recordS51Steps({
    informed: '2026-09-02',
    nrm: { date: '2026-09-03', reference: 'NRM-2026-200417', firstResponder: 'Kent County Council Children’s Services' },
    guardian: { date: '2026-09-03', service: 'Independent Child Trafficking Guardianship Service' },
    plan: { agreedOn: '2026-09-03', summary: 'Carer reports her missing 30 minutes after an agreed return time; police flag the address; her guardian is told of any contact.' },
  });
  await t.save();
  await expect(prompts).toHaveCount(0);
  await expect(a.presumption).toContainText('Presumed under 18');
  await expect(a.findings).not.toContainText('AA-42');
  await expect(a.findings).not.toContainText('AA-03');

  // Moved to an adult hotel: the AA-02 block appears, in the editor and among the findings.
  await t.setAccommodation('Hotel for adults (asylum hotel)', '2026-09-05');
  await expect(t.form).toContainText('AA-02: a young person whose age is undecided must be accommodated as a child');
  await t.save();
  await expect(a.findings.locator('.finding-block', { hasText: 'AA-02' })).toContainText('adult or custodial accommodation');
  await expect(t.field('Where the young person lives now')).toHaveValue('adult-hotel');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await shot(page, 'people-trafficking');

  await t.setAccommodation("Children's home");
  await t.save();
  await expect(a.findings).not.toContainText('AA-02');
});

test('assessors, interpreter and appropriate adult clear AA-05, AA-06 and AA-09 but a missing dialect is flagged (AA-07)', async ({ page, app }) => {
  const a = await openAssessment(page, app.url);
  await expect(a.findings).toContainText('AA-05');
  await expect(a.findings).toContainText('AA-06');
  await expect(a.findings).toContainText('No appropriate adult is recorded');

  const p = new ParticipantsEditorPage(page);
  await p.open();
  await p.addAssessor({ name: 'Ruth Adeyemi', organisation: 'Kent County Council', registration: 'SW118204', experienced: true, experienceNote: '40 age assessments since 2019' });
  await p.addInterpreter({ name: 'Mebrat Gebremedhin', language: 'Tigrinya', languageCode: 'Tigrinya (tir)', mode: 'In person' });
  await p.addAppropriateAdult({ name: 'Jonah Whitfield', organisation: 'Refugee Council', independent: true, trained: true, accepted: true });
  await p.addInformationRequest({ from: 'GP surgery, Ashford', requestedOn: '2026-09-03', receivedOn: '2026-09-11', evidence: 'GP letter' });
  await p.save();

  await expect(a.findings).not.toContainText('AA-05');
  await expect(a.findings).not.toContainText('AA-06');
  await expect(a.findings).not.toContainText('No appropriate adult is recorded');
  await expect(a.findings).not.toContainText('Appropriate adult Jonah Whitfield');
  await expect(a.findings).toContainText('Interpreter Mebrat Gebremedhin: dialect not recorded.');
  await expect(a.findings).not.toContainText('Interpreter Mebrat Gebremedhin: language not recorded.');
  await expect(a.findings).not.toContainText('Information received from GP surgery, Ashford is not linked');
  // The editor came back from the store with what was saved.
  await expect(p.form.getByRole('group', { name: /^Participant/ })).toHaveCount(7);
  await expect(p.form.getByLabel('Requested from')).toHaveValue('GP surgery, Ashford');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await shot(page, 'people-participants');

  // Adding the dialect clears the interpreter's AA-07 finding.
  const interpreter = p.form.getByRole('group', { name: /^Participant/ }).filter({ hasText: 'Interpreter: Mebrat Gebremedhin' });
  await interpreter.getByLabel('Dialect', { exact: true }).fill('Asmara (Hamasien)');
  await p.save();
  await expect(a.findings).not.toContainText('dialect not recorded');
  await expect(interpreter.getByLabel("ISO 639-3 code of the interpreter's language")).toHaveValue('Tigrinya (tir)');

  // Another dialect than the young person's is flagged although every session records an understanding check (AA-07).
  await interpreter.getByLabel('Dialect', { exact: true }).fill('Keren');
  await p.save();
  await expect(a.findings.locator('.finding-block', { hasText: 'AA-07' })).toContainText('a different dialect from the young person');
  await interpreter.getByLabel('Dialect', { exact: true }).fill('Asmara (Hamasien)');
  await p.save();
  await expect(a.findings).not.toContainText('a different dialect');
});

test('explanation and consent clear AA-12 and AA-13; the safeguard log clears AA-44 and asks why a safeguard was not used', async ({ page, app }) => {
  const a = await openAssessment(page, app.url);
  await expect(a.findings).toContainText('AA-12');
  await expect(a.findings).toContainText('AA-13');
  await expect(a.findings).toContainText('AA-44');

  const e = new ExplanationConsentEditorPage(page);
  await e.open();
  await e.explain({
    verbalOn: '2026-09-08T10:00',
    writtenOn: '2026-09-08T10:05',
    language: 'Tigrinya (leaflet read aloud by the interpreter)',
    understanding: 'She said the assessment is to decide how old the council thinks she is, and that it is separate from her asylum interview.',
  });
  await e.consent({ takePart: 'Yes', share: 'Yes', recordedOn: '2026-09-08T10:15', note: 'Sharing with the Home Office limited to the conclusion and reasons.' });
  await e.save();
  await expect(a.findings).not.toContainText('AA-12');
  await expect(a.findings).not.toContainText('AA-13');
  await expect(e.form.getByLabel('Agreed to take part')).toHaveValue('yes');

  const log = new SafeguardLogEditorPage(page);
  await log.open();
  await expect(log.rows).toHaveCount(11);
  await log.answer('Two qualified social workers', 'Yes');
  await log.answer('A minded-to meeting to answer adverse points', 'No');
  await log.save();
  await expect(log.alert).toContainText('Give a reason for each safeguard not used');
  await expect(log.safeguard('A minded-to meeting to answer adverse points')).toContainText('Say why this safeguard was not used.');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await shot(page, 'people-safeguard-log-error');

  for (const name of [
    'An assessor experienced in age assessment',
    'An interpreter in their language and dialect',
    'An appropriate adult',
    'A legal representative told and involved',
    'Rest before the first interview',
    'More than one interview session',
    'Breaks during interviews',
    'The purpose explained in writing',
    'A copy of the decision given to the young person',
  ]) {
    await log.answer(name, 'Yes');
  }
  // "No" for a minded-to meeting the record shows was held, "Yes" for an interpreter nobody named:
  // the log must agree with the record (AA-44).
  await log.answer('A minded-to meeting to answer adverse points', 'No', 'She asked to answer the adverse points in the third session instead, with her appropriate adult present.');
  await log.save();
  await expect(a.findings).toContainText('The safeguard log says "minded-to-meeting" was not used, but the record shows it was');
  await expect(a.findings).toContainText('The safeguard log says "interpreter" was used, but the record does not show it');
  // A stock reason is not a reason.
  await log.answer('A minded-to meeting to answer adverse points', 'Yes');
  await log.answer('An interpreter in their language and dialect', 'No', 'Not required');
  await log.save();
  await expect(a.findings).toContainText('("Not required") is too short or generic');
  await log.answer('An interpreter in their language and dialect', 'No', 'She chose English, which she speaks well after two years at school in Italy; an interpreter was offered at each session.');
  await log.answer('An appropriate adult', 'No', 'She refused an appropriate adult twice and asked for her legal representative, who attended every session.');
  await log.save();
  await expect(a.findings).not.toContainText('AA-44');
  await expect(log.safeguard('Two qualified social workers')).toContainText('Last recorded');
  await shot(page, 'people-safeguard-log');

  // A withdrawal is logged, with the earlier answers kept, and stays once saved.
  await e.open();
  await e.withdraw('2026-09-20T09:00');
  await e.save();
  await expect(e.form).toContainText('Consent was withdrawn on');
  await expect(e.form.getByLabel('Agreed to take part')).toHaveValue('yes');
  await expect(e.form.getByRole('button', { name: 'Record that consent was withdrawn' })).toHaveCount(0);
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await shot(page, 'people-consent');
});
