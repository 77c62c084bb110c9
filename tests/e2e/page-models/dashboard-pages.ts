import type { Download, Locator, Page } from '@playwright/test';

/** The manager's quality dashboard (renderer/src/dashboard/). */
export class DashboardPage {
  readonly heading: Locator;
  readonly period: Locator;
  readonly drilldown: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Quality dashboard', level: 1 });
    this.period = page.locator('.dash-period');
    this.drilldown = page.locator('section.drilldown');
  }

  navEntry(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality dashboard' });
  }

  async open(): Promise<void> {
    await this.navEntry().click();
    await this.heading.waitFor();
  }

  async filter(opts: { since?: string; until?: string; assessors?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Which assessments' });
    if (opts.since !== undefined) await form.getByLabel('Decided from').fill(opts.since);
    if (opts.until !== undefined) await form.getByLabel('Decided up to').fill(opts.until);
    if (opts.assessors !== undefined) await form.getByLabel(/^Assessors/).fill(opts.assessors);
    await form.getByRole('button', { name: 'Show the figures' }).click();
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption, exact: true });
  }

  /** A chart, found by its title; its words are the text alternative of the picture. */
  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  /** Opens the assessments behind a count: the row's header and the column's header name the cell. */
  async drill(caption: string, row: string | RegExp, column: string): Promise<void> {
    const table = this.table(caption);
    const headers = await table.locator('thead th').allInnerTexts();
    const col = headers.indexOf(column);
    if (col < 0) throw new Error(`no column ${column} in ${caption}: ${headers.join(' | ')}`);
    const tr = table.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name: row }) });
    await tr.locator('th, td').nth(col).getByRole('button').click();
    await this.drilldown.waitFor();
  }

  async exportCsv(caption: string): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export “${caption}” as CSV` }).click();
    return wait;
  }

  async downloadReport(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download the quality report (PDF)' }).click();
    return wait;
  }
}
