import type { Locator, Page } from '@playwright/test';

/** The team's case list: search, filters, sortable columns and the (virtualised) rows. */
export class CaseListPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel('Search by name, reference or nationality');
    this.table = page.getByRole('table', { name: 'Cases' });
    this.count = page.locator('.case-count');
  }

  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The references shown, in order. */
  async references(): Promise<string[]> {
    return this.rows().locator('[role=cell]:first-child').allInnerTexts();
  }

  row(reference: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('button', { name: reference, exact: true }) });
  }

  /** A row's cell under a column (by the column's position: cells carry no name of their own). */
  cell(reference: string, column: 'Nationality' | 'Stage' | 'Status' | 'Next step' | 'Last change'): Locator {
    const at = { Nationality: 2, Stage: 3, Status: 4, 'Next step': 5, 'Last change': 6 }[column];
    return this.row(reference).getByRole('cell').nth(at);
  }

  async filter(name: 'Stage' | 'Status' | 'Assessor', option: string): Promise<void> {
    await this.page.getByLabel(name, { exact: true }).selectOption({ label: option });
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  async open(reference: string): Promise<void> {
    await this.table.getByRole('button', { name: reference, exact: true }).click();
  }
}

/** "Withdraw this case" and its confirmation dialog. */
export class WithdrawDialog {
  constructor(readonly page: Page) {}
  async withdraw(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw this case' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Withdraw / });
    await dialog.getByLabel('Why is this case withdrawn?').fill(reason);
    await dialog.getByRole('button', { name: 'Withdraw the case' }).click();
  }
}
