import type { Locator, Page } from '@playwright/test';

/** "After the decision" on the case screen (renderer/src/reassessment/). */
export class AfterDecisionPanel {
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.locator('section', { has: page.getByRole('heading', { name: 'After the decision', level: 2 }) });
  }

  async reopen(kind: string, description: string, receivedOn: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Reopen on new information' });
    await form.getByLabel('What arrived').selectOption({ label: kind });
    await form.getByLabel('What it is and why it matters').fill(description);
    await form.getByLabel('Received on').fill(receivedOn);
    await form.getByRole('button', { name: 'Reopen for reassessment' }).click();
  }

  async recordOverturned(o: { by: string; body: string; on: string; outcome: 'A child (under 18)' | 'An adult (18 or over)'; dob?: string; reason: string }): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Record an overturned decision' });
    await form.getByLabel('Changed by').selectOption({ label: o.by });
    await form.getByLabel('Which court, tribunal or body').fill(o.body);
    await form.getByLabel('Date of the judgment or review').fill(o.on);
    await form.getByLabel('New outcome').selectOption({ label: o.outcome });
    if (o.dob) await form.getByLabel('Date of birth it declared (if any)').fill(o.dob);
    await form.getByLabel('The reason, as the judgment or review gives it').fill(o.reason);
    await form.getByRole('button', { name: 'Record as overturned' }).click();
  }
}
