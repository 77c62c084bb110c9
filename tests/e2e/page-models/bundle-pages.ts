/** The import panel (renderer/src/bundles/ImportPanel.tsx), wherever the app shows it. */
import type { Locator, Page } from '@playwright/test';

export class ImportPanelPage {
  readonly panel: Locator;
  readonly summary: Locator;
  readonly progress: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Import bundles' });
    this.summary = this.panel.getByRole('status');
    this.progress = this.panel.getByRole('progressbar', { name: 'Bundles imported so far' });
    this.rows = this.panel.getByRole('table', { name: 'What happened to each bundle' }).locator('tbody tr');
  }

  /** Today the panel lives under Settings; the one place to change if navigation moves it. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.panel.waitFor();
  }

  async importFiles(files: string[], options: { acceptUnsigned?: boolean } = {}): Promise<void> {
    await this.panel.getByLabel('Bundle files').setInputFiles(files);
    if (options.acceptUnsigned) await this.panel.getByLabel(/Accept unsigned bundles/).check();
    await this.panel.getByRole('button', { name: `Import ${files.length} bundle${files.length === 1 ? '' : 's'}` }).click();
  }

  row(file: string): Locator {
    return this.rows.filter({ hasText: file });
  }
}
