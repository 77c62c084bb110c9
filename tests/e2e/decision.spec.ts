import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage } from './page-models/assessment-pages';
import { LaterStageEditors } from './page-models/decision-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };


test.beforeEach(async ({ app, page }) => {
  new RecordsOfficer(app.dataDir)
    .setUp()
    .addUser(ASHA, 'Asha Okafor')
    .import(path.join(BUNDLES, 'compliant.json'), path.join(BUNDLES, 'adverse-points-not-put.json'));
  await new AppPage(page).open(app.url);
  await new UnlockPage(page).unlock(ASHA.user, ASHA.pass);
});

test('adverse points put to the young person clear AA-20; a minded-to meeting clears AA-22', async ({ page }) => {
  await new AssessmentsPage(page).openAssessment('SCN-NOT-PUT');
  const a = new AssessmentPage(page);
  const ed = new LaterStageEditors(page);
  await expect(a.findings).toContainText('AA-20');
  await expect(a.findings).toContainText('AA-21');
  await expect(a.findings).toContainText('AA-22');

  await ed.open('Analysis and adverse points');
  await expect(ed.item('Adverse point 1').getByLabel('What counts against the stated age')).toHaveValue(/Sudanese transit paper/);
  await expect(ed.item('Adverse point 1').getByLabel(/Sudanese transit paper giving a birth year/)).toBeChecked();
  await ed.putAdversePoint(1, {
    putOn: '2026-09-15T11:10',
    session: 'Session 3',
    answer: 'The man who arranged the journey had the paper made.',
    otherExplanations: "Instructions from smugglers to claim adulthood are a recognised pattern; the paper was not issued on her information.",
  });
  await ed.putAdversePoint(2, {
    putOn: '2026-09-15T11:25',
    session: 'Session 3',
    answer: 'I said two years in the Ethiopian way.',
    otherExplanations: 'Calendar difference, screening without a Tigrinya interpreter, and tiredness on arrival day.',
  });
  await ed.save();
  await expect(a.findings).not.toContainText('AA-20');
  await expect(a.findings).not.toContainText('AA-21');

  // A new point relied on but never put to her brings AA-20 back; removing it clears it again.
  await ed.open('Analysis and adverse points');
  await ed.editors.getByRole('button', { name: 'Add an adverse point' }).click();
  const third = ed.item('Adverse point 3');
  await third.getByLabel('What counts against the stated age').fill('She could not name the month she left Eritrea.');
  await third.getByLabel("Foster carer's observations (written, two weeks)").check();
  await expect(third.getByLabel('Relied on in the decision')).toBeChecked();
  await ed.save();
  await expect(a.findings).toContainText('Adverse point "She could not name the month she left Eritrea." is relied on but was never put');
  await ed.open('Analysis and adverse points');
  await expect(ed.item('Adverse point 3').getByLabel("Foster carer's observations (written, two weeks)")).toBeChecked();
  await ed.item('Adverse point 3').getByRole('button', { name: 'Remove adverse point 3' }).click();
  await ed.save();
  await expect(a.findings).not.toContainText('AA-20');

  await ed.open('Minded-to meeting');
  await expect(ed.editors.getByLabel('Was a minded-to meeting held?')).toHaveValue('yes');
  await ed.editors.getByLabel('Held on').fill('2026-09-18T10:00');
  await ed.chooseSession(ed.editors, 'Session', 'Session 4');
  await ed.editors.getByLabel('Was the appropriate adult present?').selectOption({ label: 'Yes' });
  await ed.editors.getByLabel('Provisional view put to the young person').fill('Minded to find that she is a child aged 16, with the date of birth she gave.');
  await ed.editors.getByLabel("The young person's response").fill('She agreed and offered a photograph of her school report.');
  await ed.save();
  await expect(a.findings).not.toContainText('AA-22');
  await ed.open('Minded-to meeting');
  await expect(ed.editors.getByLabel('Held on')).toHaveValue('2026-09-18T10:00');

  await ed.open('Analysis and adverse points');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/decision-analysis.png', fullPage: true });
  await ed.open('Minded-to meeting');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/decision-minded-to.png', fullPage: true });
});

test('an adult finding needs the benefit-of-the-doubt statement (AA-23); reasons resting on appearance show AA-18; sharing rules AA-27, AA-36', async ({ page }) => {
  await new AssessmentsPage(page).openAssessment('AA-2026-0147');
  const a = new AssessmentPage(page);
  const ed = new LaterStageEditors(page);
  await expect(a.findings).not.toContainText('AA-23');
  await expect(a.findings).not.toContainText('AA-18');

  await ed.open('Decision');
  const form = ed.editors;
  await expect(form.getByText('On the decision date (22 September 2026) this date of birth gives an age of 16')).toBeVisible();
  // Live, before saving: a range reaching below 18 with the outcome adult.
  await form.getByLabel('Outcome', { exact: true }).selectOption({ label: 'An adult (18 or over)' });
  await expect(form.getByText('A range from 16 to 17 reaches below 18')).toBeVisible();
  await expect(ed.liveCheck).toContainText('AA-23');
  await form.getByRole('button', { name: 'Record the outcome as child' }).click();
  await expect(form.getByLabel('Outcome', { exact: true })).toHaveValue('child');
  await expect(ed.liveCheck).toContainText('The decision as typed meets the decision safeguards');
  await form.getByLabel('Outcome', { exact: true }).selectOption({ label: 'An adult (18 or over)' });
  await form.getByLabel('Youngest age in the range').fill('20');
  await form.getByLabel('Oldest age in the range').fill('23');
  await form.getByLabel('Date of birth', { exact: true }).fill('2005-01-01');
  await form.getByLabel('Basis for the date of birth').fill('1 January convention for an assessed age of 21.');
  await form.getByLabel('How the benefit of the doubt was applied').fill('');
  await expect(form.getByText('this date of birth gives an age of 21')).toBeVisible();
  await expect(ed.liveCheck).toContainText('no statement of how the benefit of the doubt was applied');
  await ed.save();
  await expect(a.findings).toContainText('AA-23');
  await expect(a.findings).toContainText('An adult finding has no statement of how the benefit of the doubt was applied');

  // A validation error from the main side shows beside the form and keeps what was typed.
  await ed.open('Decision');
  await form.getByLabel('How the benefit of the doubt was applied').fill('We considered whether any doubt remained about her being over 18 and resolved every doubt in her favour.');
  await form.getByLabel('Date of birth', { exact: true }).fill('');
  const err = await ed.saveExpectingError();
  await expect(err).toContainText('Give a date (day, month and year).');
  await expect(form.getByLabel('How the benefit of the doubt was applied')).toHaveValue(/resolved every doubt in her favour/);
  await form.getByLabel('Date of birth', { exact: true }).fill('2005-01-01');
  await ed.save();
  await expect(a.findings).not.toContainText('AA-23');

  // Reasons that cite only the observations of appearance: AA-18.
  await ed.open('Decision');
  for (let i = 0; i < 3; i++) await form.getByRole('button', { name: 'Remove reason 2' }).click();
  const r1 = ed.item('Reason 1');
  await r1.getByLabel('Reason', { exact: true }).fill('Her build and features are those of an adult woman.');
  await r1.getByLabel("Semhar's account across three sessions").uncheck();
  await r1.getByLabel('Photograph of a baptism certificate (Orthodox Tewahedo church, Mendefera)').uncheck();
  await r1.getByLabel('Observations of physical appearance').check();
  await expect(ed.liveCheck).toContainText('AA-18');
  await ed.save();
  await expect(a.findings).toContainText('AA-18');
  await expect(a.findings).toContainText("Every evidence item the decision's reasons cite is an observation of appearance or demeanour");
  await ed.open('Decision');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/decision-decision.png', fullPage: true });

  await ed.open('Sharing the decision');
  await form.getByLabel('Their right to independent legal advice was explained').uncheck();
  await ed.item('Copy 1').getByLabel('Language').fill('');
  await form.getByLabel('Lawful basis').fill('');
  await ed.save();
  await expect(a.findings).toContainText('The right to legal advice is not recorded as given');
  await expect(a.findings).toContainText("The language of the young person's copy is not recorded");
  await expect(a.findings).toContainText('Sharing with the Home Office has no lawful basis recorded');
  await ed.open('Sharing the decision');
  await form.getByLabel('Their right to independent legal advice was explained').check();
  await ed.item('Copy 1').getByLabel('Language').fill('Tigrinya');
  await form.getByLabel('Lawful basis').fill('Consent, and the ADCS/Home Office information sharing proforma');
  await ed.save();
  await expect(a.findings).not.toContainText('AA-27');
  await expect(a.findings).not.toContainText('AA-28');
  await expect(a.findings).not.toContainText('AA-36');
  await ed.open('Sharing the decision');
  expect(await new AppPage(page).seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/decision-sharing.png', fullPage: true });
});
