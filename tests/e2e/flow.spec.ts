/**
 * The working day's flow through one case: every screen has an address, a reload returns to the
 * same case and part, the back button works.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { AssessmentPage, AssessmentsPage } from './page-models/assessment-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';
import { backToTaskList, DraftArea, LeaveDialog, openPart, TaskListPage } from './page-models/case-pages';

// Each test walks several screens with reloads and a lock; the shared 2-core build machine can take a while.
test.describe.configure({ timeout: 150_000 });

const RUTH = { user: 'r.adeyemi', pass: 'copper meadow falcon 19' };

/** After a reload the store may still be unlocked (one session) or ask again (a new browser session). */
async function unlockIfAsked(page: Page): Promise<void> {
  const unlock = new UnlockPage(page);
  await expect(unlock.heading.or(page.getByRole('navigation', { name: 'Main' }))).toBeVisible();
  if (await unlock.heading.isVisible()) await unlock.unlock(RUTH.user, RUTH.pass);
}

test.beforeEach(async ({ app }) => {
  new RecordsOfficer(app.dataDir).setUp().addUser(RUTH, 'Ruth Adeyemi').import(path.join(BUNDLES, 'same-day-interview.json'));
});

test('each screen has an address: a reload returns to the same case and part, and the back button works', async ({ page, app }) => {
  const carefile = new AppPage(page);
  await carefile.open(app.url);
  await new UnlockPage(page).unlock(RUTH.user, RUTH.pass);
  await expect(page).toHaveURL(/#\/assessments$/);
  await new AssessmentsPage(page).openAssessment('SCN-SAME-DAY');
  await expect(page).toHaveURL(/#\/assessments\/[^/]+$/);
  await openPart(page, 'Interview sessions');
  await expect(page).toHaveURL(/#\/assessments\/[^/]+\/parts\/sessions$/);

  await page.reload();
  await unlockIfAsked(page);
  await expect(page).toHaveURL(/\/parts\/sessions$/);
  await expect(page.getByRole('form', { name: 'Interview sessions' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/#\/assessments\/[^/]+$/);
  await new MainNav(page).open('Settings');
  await expect(page).toHaveURL(/#\/settings$/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/assessments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SCN-SAME-DAY');
});

test('typing is kept as a draft in the store: a reload or a lock restores it, to keep or discard; saving the part clears it', async ({ page, app }) => {
  const carefile = new AppPage(page);
  await carefile.open(app.url);
  await new UnlockPage(page).unlock(RUTH.user, RUTH.pass);
  await new AssessmentsPage(page).openAssessment('SCN-SAME-DAY');
  await openPart(page, 'Young person and reason for doubt');
  const draft = new DraftArea(page);
  const reason = page.getByLabel('Why is the stated age doubted?');
  const before = await reason.inputValue();

  await reason.fill(`${before} He said he was in year 9 at school in Herat.`);
  await expect(draft.status).toHaveText(/^Draft saved at \d\d:\d\d$/);
  await page.reload();
  await unlockIfAsked(page);
  await expect(draft.restored).toBeVisible();
  await expect(reason).toHaveValue(/year 9 at school in Herat\.$/);
  await carefile.guideShot('draft-restored');
  await draft.discard();
  await expect(reason).toHaveValue(before);
  await expect(draft.restored).toBeHidden();

  // Lock straight after typing: the last words are kept before the store closes.
  await reason.fill(`${before} Kept through a lock.`);
  await new MainNav(page).lock();
  await new UnlockPage(page).unlock(RUTH.user, RUTH.pass);
  await expect(reason).toHaveValue(/Kept through a lock\.$/);
  await draft.keep();
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await page.reload();
  await unlockIfAsked(page);
  await expect(reason).toHaveValue(/Kept through a lock\.$/);
  await expect(draft.restored).toBeHidden();

  // A draft the store refuses (larger than 1 MiB): leaving asks first, in a modal dialog.
  await page.getByLabel('Requested by').fill('x'.repeat(1_100_000));
  await expect(page.getByText(/^Draft not saved: The draft is larger than/)).toBeVisible();
  const back = page.getByRole('link', { name: 'Back to the task list' });
  // By keyboard, so the focus is on the link when the dialog opens.
  await back.press('Enter');
  const leave = new LeaveDialog(page);
  await expect(leave.dialog).toBeVisible();
  await expect(leave.dialog).toContainText('If you leave now, what you typed');
  await expect(leave.stay).toBeFocused();
  // The focus stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(leave.leave).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(leave.stay).toBeFocused();
  await carefile.expectAccessible('leave dialog');
  // Escape stays, and the focus goes back to the link pressed.
  await page.keyboard.press('Escape');
  await expect(leave.dialog).toBeHidden();
  await expect(page).toHaveURL(/\/parts\/young-person$/);
  await expect(back).toBeFocused();
  // The dialog again, by mouse this time: leaving loses the words not kept.
  await back.click();
  await leave.leave.click();
  await expect(new TaskListPage(page).list).toBeVisible();
});

/** Presses Tab until `target` has the focus (keyboard only: no clicks, no programmatic focus). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('not reached by Tab');
}

test('task list, one part per page by keyboard alone, the error summary and check your answers; every part without a serious axe finding or sideways scrolling at 1280×720 and 200% zoom', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const carefile = new AppPage(page);
  await carefile.open(app.url);
  await new UnlockPage(page).unlock(RUTH.user, RUTH.pass);
  await new AssessmentsPage(page).openAssessment('SCN-SAME-DAY');
  const tasks = new TaskListPage(page);
  // This case has open findings in the young person's part, an analysis but no minded-to meeting yet.
  await expect(tasks.status('Young person and reason for doubt')).toHaveText('In progress');
  await expect(tasks.status('Minded-to meeting')).toHaveText('Not started');
  await expect(tasks.status('Decision')).toHaveText('Cannot start yet');
  await expect(tasks.list.getByRole('link', { name: 'Decision' })).toHaveCount(0);
  await carefile.expectAccessible('task list');
  await carefile.guideShot('task-list', tasks.panel);

  // Keyboard only: from the task list to the part, a change, and the save.
  const link = tasks.list.getByRole('link', { name: 'Young person and reason for doubt' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const reason = page.getByLabel('Why is the stated age doubted?');
  await tabTo(page, reason);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The police officer gave no other reason.');
  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await expect(reason).toHaveValue(/gave no other reason\.$/);
  await carefile.guideShot('part-young-person');

  // A refused save: the summary at the top names the field in plain words and takes you to it.
  const name = page.getByLabel('Name, as the young person says it (Latin alphabet)');
  await name.fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Name, as the young person says it (Latin alphabet): Enter this: it cannot be left empty.');
  await expect(summary).not.toContainText('youngPerson');
  // Focused when it appears (GOV.UK), which brings it into view from the Save button at the foot.
  await expect(summary).toBeFocused();
  await carefile.expectAccessible('error summary');
  await carefile.guideShot('error-summary');
  await summary.getByRole('link').first().click();
  await expect(name).toBeFocused();
  await name.fill('Semhar Tesfay');

  // Check your answers: each part summarised with a Change link; dates in words, labels not ids.
  const a = new AssessmentPage(page);
  await a.openCheckAnswers();
  const yp = page.getByRole('region', { name: 'Young person and reason for doubt' });
  await expect(yp).toContainText('Reason for doubt');
  await expect(page.getByRole('region', { name: 'Interview sessions' })).toContainText(/\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d/);
  await expect(page.getByRole('region', { name: 'Warnings open at signing' })).toBeVisible();
  // One warning box per rule, however many places the rule was hit (one note answers it).
  const boxes = await page.getByRole('region', { name: 'Warnings open at signing' }).getByRole('group', { name: /^Warning AA-\d\d$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(new Set(boxes).size).toBe(boxes.length);
  await expect(page.getByRole('region', { name: 'Declaration and signature' })).toContainText('I declare that');
  await carefile.expectAccessible('check your answers');
  await carefile.guideShot('check-answers');
  await carefile.guideShot('check-answers-warnings', page.getByRole('region', { name: 'Warnings open at signing' }));
  await yp.getByRole('link', { name: /^Change/ }).click();
  await expect(page).toHaveURL(/\/parts\/young-person$/);
  await backToTaskList(page);

  // Every part's page, as this case has it (the young person's was checked above with its errors).
  const parts = (await tasks.list.getByRole('link').allInnerTexts()).filter((t) => t !== 'Young person and reason for doubt');
  expect(parts.length).toBeGreaterThan(8);
  for (const part of parts) {
    await openPart(page, part);
    await page.getByRole('link', { name: 'Back to the task list' }).waitFor();
    await carefile.expectAccessible(part);
  }
});
