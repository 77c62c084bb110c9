import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens one part of the case by its title from the case's task list (each part has its own page
 * and address: `#/assessments/<id>/parts/<part>`). From another part's page it goes back to the
 * task list first, as a person would.
 */
export async function openPart(page: Page, title: string): Promise<void> {
  const tasks = page.getByRole('navigation', { name: 'Parts of the assessment' });
  const back = page.getByRole('link', { name: 'Back to the task list' });
  await expect(tasks.or(back).first()).toBeVisible();
  if (!(await tasks.isVisible())) await back.click();
  await tasks.getByRole('link', { name: title, exact: true }).click();
}

/** Back from a part (or check your answers) to the case's task list. */
export async function backToTaskList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Back to the task list' }).click();
  await page.getByRole('navigation', { name: 'Parts of the assessment' }).waitFor();
}

/** The case's task list: each part's status as shown beside it. */
export class TaskListPage {
  readonly list: Locator;
  /** The list with its heading and count (what the guide shows). */
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.list = page.getByRole('navigation', { name: 'Parts of the assessment' });
    this.panel = page.getByRole('region', { name: 'Parts of the assessment' });
  }
  status(title: string): Locator {
    // By the part's own name (another part's hint may mention it: "Waits for the minded-to meeting").
    return this.list.getByRole('listitem').filter({ has: this.page.locator('.task-name > :first-child', { hasText: new RegExp(`^${title}$`) }) }).locator('.task-status');
  }
}

/** The draft of the part on screen: where it stands, and the choice a restored draft offers. */
export class DraftArea {
  readonly status: Locator;
  readonly restored: Locator;
  constructor(readonly page: Page) {
    this.status = page.getByTestId('draft-status');
    this.restored = page.getByRole('region', { name: 'Restored draft' });
  }
  async keep(): Promise<void> {
    await this.restored.getByRole('button', { name: 'Keep the draft' }).click();
  }
  async discard(): Promise<void> {
    await this.restored.getByRole('button', { name: 'Discard the draft' }).click();
  }
}

/**
 * The dialog asked when leaving a page whose draft could not be kept in the store (a modal: the
 * page behind is inert, the focus is inside it, Escape stays).
 */
export class LeaveDialog {
  readonly dialog: Locator;
  readonly stay: Locator;
  readonly leave: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Your changes are not saved' });
    this.stay = this.dialog.getByRole('button', { name: 'Stay on this page' });
    this.leave = this.dialog.getByRole('button', { name: 'Leave without saving' });
  }
}

/** A part of a signed case: its fields sit in a disabled fieldset, with the reason said above them. */
export class LockedPart {
  readonly notice: Locator;
  readonly fields: Locator;
  constructor(readonly page: Page) {
    this.notice = page.locator('#assessment-editors').getByText(/This assessment is signed and locked: corrections are made by addendum\./);
    this.fields = page.locator('#assessment-editors form').locator('input, textarea, select');
  }
}
