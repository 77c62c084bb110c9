import type { Locator, Page } from '@playwright/test';
import { openPart } from './case-pages';

/** The editors of the later stages (analysis, minded-to, decision, sharing) as a social worker uses them. */
export class LaterStageEditors {
  readonly editors: Locator;
  readonly liveCheck: Locator;
  constructor(readonly page: Page) {
    this.editors = page.getByRole('region', { name: 'Record' });
    this.liveCheck = page.getByRole('region', { name: 'Check of this decision as typed' });
  }

  async open(title: 'Analysis and adverse points' | 'Minded-to meeting' | 'Decision' | 'Sharing the decision'): Promise<void> {
    await openPart(this.page, title);
    await this.editors.getByRole('heading', { name: title, level: 3, exact: true }).waitFor();
  }

  /** One item of a list (an adverse point, a reason, a copy), by its legend. */
  item(name: string): Locator {
    return this.editors.getByRole('group', { name, exact: true });
  }

  /** Chooses a session by the start of its label ("Session 3"), whatever its date reads like in this locale. */
  async chooseSession(scope: Locator, label: string, session: string): Promise<void> {
    const select = scope.getByLabel(label);
    const value = await select.locator('option', { hasText: `${session}:` }).getAttribute('value');
    if (!value) throw new Error(`no option for ${session}`);
    await select.selectOption(value);
  }

  async putAdversePoint(n: number, p: { putOn: string; session: string; answer: string; otherExplanations: string }): Promise<void> {
    const card = this.item(`Adverse point ${n}`);
    await card.getByLabel('Put to the young person on').fill(p.putOn);
    await this.chooseSession(card, 'In which session', p.session);
    await card.getByLabel("The young person's answer").fill(p.answer);
    await card.getByLabel('Other explanations considered').fill(p.otherExplanations);
  }

  /** Saves, and waits for the answer (the saved assessment and its findings, in one round trip). */
  async save(): Promise<void> {
    const reloaded = this.page.waitForResponse((r) => r.url().includes('/api/assessments.save'));
    await this.editors.getByRole('button', { name: 'Save', exact: true }).click();
    await reloaded;
  }

  /** Saves when the main side is expected to refuse: its error shows beside the form. */
  async saveExpectingError(): Promise<Locator> {
    await this.editors.getByRole('button', { name: 'Save', exact: true }).click();
    return this.editors.locator('.error-box');
  }
}
