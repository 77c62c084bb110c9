import type { Locator, Page } from '@playwright/test';

/**
 * Opens one part of the case on screen by its title, through the case's list of parts (each part
 * has its own address: `#/assessments/<id>/parts/<part>`).
 */
export async function openPart(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parts of the assessment' }).getByRole('link', { name: title, exact: true }).click();
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
