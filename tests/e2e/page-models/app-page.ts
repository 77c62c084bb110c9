import type { Page, Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The app as a user sees it: what is on screen, what they can do. */
export class AppPage {
  readonly header: Locator;
  readonly marking: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header.app-header');
    this.marking = page.getByLabel('Protective marking');
    this.main = page.locator('main');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.main.waitFor();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Serious and critical accessibility violations on the current screen. */
  async seriousA11yViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }
}
