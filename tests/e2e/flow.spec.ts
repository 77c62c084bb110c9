/**
 * The working day's flow through one case: every screen has an address, a reload returns to the
 * same case and part, the back button works.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { AssessmentsPage } from './page-models/assessment-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';
import { DraftArea, openPart } from './page-models/case-pages';

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
});
