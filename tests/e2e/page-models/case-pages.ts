import type { Page } from '@playwright/test';

/**
 * Opens one part of the case on screen by its title, through the case's list of parts (each part
 * has its own address: `#/assessments/<id>/parts/<part>`).
 */
export async function openPart(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parts of the assessment' }).getByRole('link', { name: title, exact: true }).click();
}
