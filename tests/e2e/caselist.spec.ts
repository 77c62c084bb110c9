import { PDFDocument, StandardFonts } from 'pdf-lib';
import path from 'node:path';
import { backToTaskList } from './page-models/case-pages';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, UnlockPage } from './page-models/store-pages';
import { CaseListPage, WithdrawDialog } from './page-models/caselist-pages';
import { EvidencePage } from './page-models/interviews-pages';
import { BUNDLES, RecordsOfficer } from './page-models/records-officer';
import { makePng } from '../fixtures/record/png';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };
const BUNDLE_FILES = ['compliant', 'same-day-interview', 'minimal', 'documents-ignored', 'mature-features'].map((n) => path.join(BUNDLES, `${n}.json`));

/** A real two-page PDF, as a scanner or word processor would write one. */
async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595, 842]).drawText(`School letter, page ${n}`, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

test.beforeEach(async ({ app, page }) => {
  test.setTimeout(180_000); // the records officer's CLI runs first; this machine is shared
  new RecordsOfficer(app.dataDir).setUp().addUser(ASHA, 'Asha Okafor').import(...BUNDLE_FILES);
  await new AppPage(page).open(app.url);
  await new UnlockPage(page).unlock(ASHA.user, ASHA.pass);
});

test('case list: search in either script, filters, sort, withdrawal; an attachment opens inside the app', async ({ page }) => {
  const list = new CaseListPage(page);
  await expect(list.count).toHaveText('5 cases');
  // Own-script names are shown; labels, not enum ids.
  await expect(list.row('AA-2026-0151')).toContainText('فرید احمدی');
  await expect(list.row('AA-2026-0151')).toContainText('Planning');
  await expect(list.row('AA-2026-0151')).toContainText('In progress');

  // Search: either script, case- and accent-blind, reference, nationality.
  for (const [text, refs] of [
    ['احمدی', ['AA-2026-0151']],
    ['FARÍD', ['AA-2026-0151']],
    ['ሰምሃር', ['AA-2026-0147', 'SCN-DOCS', 'SCN-MATURE', 'SCN-SAME-DAY']],
    ['afghan', ['AA-2026-0151']],
    ['scn-docs', ['SCN-DOCS']],
  ] as const) {
    await list.search.fill(text);
    await expect.poll(async () => (await list.references()).sort()).toEqual([...refs].sort());
  }
  await list.search.fill('');

  await list.filter('Stage', 'Minded-to meeting');
  await expect.poll(() => list.references()).toEqual(['SCN-SAME-DAY']);
  await list.filter('Stage', 'Any stage');
  await list.filter('Status', 'In progress');
  await expect.poll(async () => (await list.references()).sort()).toEqual(['AA-2026-0151', 'SCN-SAME-DAY']);
  await list.filter('Assessor', 'Grace Mensah');
  await expect.poll(() => list.references()).toEqual(['AA-2026-0151']);
  await list.filter('Assessor', 'Any assessor');
  await list.filter('Status', 'All but withdrawn');

  await list.sortBy('Reference');
  await expect(list.table.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => list.references()).toEqual(['AA-2026-0147', 'AA-2026-0151', 'SCN-DOCS', 'SCN-MATURE', 'SCN-SAME-DAY']);
  await list.sortBy('Reference');
  await expect.poll(async () => (await list.references())[0]).toBe('SCN-SAME-DAY');
  await new AppPage(page).expectAccessible('case list');
  // At 200% zoom the table is stacked into cards: no column is dropped, the next step included.
  await new AppPage(page).atZoom200(async () => {
    const next = list.cell('AA-2026-0151', 'Next step');
    await next.scrollIntoViewIfNeeded();
    await expect(next).toBeVisible();
    // The column's name is shown in the cell (it is hidden on a wide screen, under its header).
    await expect(next.getByText('Next step:')).toBeVisible();
    await expect(list.cell('AA-2026-0151', 'Last change').getByText('Last change:')).toBeVisible();
  });
  await new AppPage(page).guideShot('case-list');

  // A long evidence list draws only the cards near the window and the focus, yet the keyboard
  // reaches every item: Tab walks on into cards not drawn before, and "Go to item" jumps.
  await list.open('AA-2026-0147');
  const evidence = new EvidencePage(page);
  await evidence.open('Evidence');
  await expect(evidence.drawn().first()).toBeVisible();
  expect(await evidence.drawn().count()).toBeLessThan(9);
  await evidence.field('Evidence 1: kind').focus();
  const focusedLabel = () => page.evaluate(() => document.querySelector(`label[for="${CSS.escape(document.activeElement?.id ?? '')}"]`)?.textContent ?? '');
  for (let i = 0; i < 120 && !(await focusedLabel()).startsWith('Evidence 4:'); i++) await page.keyboard.press('Tab');
  expect(await focusedLabel()).toBe('Evidence 4: kind');
  await evidence.goTo(9);
  await expect(evidence.field('Evidence 9: kind')).toBeFocused();
  await new MainNav(page).open('Assessments');

  // An attachment: a file whose name lies is refused; a PNG and a PDF open inside the app.
  await list.open('AA-2026-0151');
  await evidence.open('Evidence');
  await evidence.add(2, { kind: 'Other document (school, medical, letter)', title: 'School letter' });
  await evidence.attach(2, 'School letter', { name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Not a PDF at all.\n') });
  await expect(evidence.item(2).getByRole('alert')).toContainText('"letter.pdf" is named as a PDF, but its content is plain text');
  await evidence.attach(2, 'School letter', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(makePng(2600, 400, 3)) });
  await evidence.attach(2, 'School letter', { name: 'user-guide.pdf', mimeType: 'application/pdf', buffer: await twoPagePdf() });

  await evidence.item(2).getByRole('button', { name: 'Open photo.png' }).click();
  const dialog = page.getByRole('dialog', { name: 'photo.png' });
  await expect(dialog.getByText('2600 × 400 pixels, shown at 2000 × 308')).toBeVisible();
  await new AppPage(page).expectAccessible('attachment preview');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await evidence.item(2).getByRole('button', { name: 'Open user-guide.pdf' }).click();
  const pdf = page.getByRole('dialog', { name: 'user-guide.pdf' });
  await expect(pdf.getByRole('status')).toHaveText('2 pages');
  await expect(pdf.getByRole('img', { name: 'user-guide.pdf, page 2 of 2' })).toBeVisible();
  await new AppPage(page).guideShot('attachment-preview');
  await page.keyboard.press('Escape');
  await expect(pdf).toBeHidden();

  // Withdrawn by mistake: kept, hidden from the list, shown with the filter.
  await backToTaskList(page);
  await new WithdrawDialog(page).withdraw('Opened twice for the same young person.');
  await expect(page.getByText(/This case was withdrawn by Asha Okafor on .*: Opened twice/)).toBeVisible();
  await new MainNav(page).open('Assessments');
  await expect(list.count).toHaveText('4 cases (1 withdrawn, not shown)');
  await list.filter('Status', 'Withdrawn (1)');
  await expect.poll(() => list.references()).toEqual(['AA-2026-0151']);
});
