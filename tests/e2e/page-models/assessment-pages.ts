import type { Download, Locator, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

export class AssessmentsPage {
  constructor(readonly page: Page) {}
  async openAssessment(reference: string): Promise<void> {
    await this.page.getByRole('button', { name: reference }).click();
  }
  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'New assessment' }).click();
  }
}

export interface NewYoungPerson {
  reference: string;
  nameLatin: string;
  nameOwnScript?: string;
  statedAge?: string;
  calendar?: string;
  dob?: { year: string; month?: string; day?: string; asSaid?: string };
  nationality?: string;
  /** Typed into the searchable ISO 3166 list, e.g. "Afghanistan (AF)". */
  nationalityCode?: string;
  language?: string;
  /** Typed into the searchable ISO 639-3 list, e.g. "Dari (prs)". */
  languageCode?: string;
  reasonForDoubt: string;
}

export class NewAssessmentPage {
  readonly wordingNotes: Locator;
  /** The GOV.UK error summary at the top: one link per problem, to its field. */
  readonly errorSummary: Locator;
  constructor(readonly page: Page) {
    this.wordingNotes = page.locator('.wording-notes');
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'New assessment: initial presentation' });
  }
  async fill(y: NewYoungPerson): Promise<void> {
    const p = this.page;
    await p.getByLabel('Council reference').fill(y.reference);
    await p.getByLabel('Name, as the young person says it (Latin alphabet)').fill(y.nameLatin);
    if (y.nameOwnScript) await p.getByLabel('Name in their own script').fill(y.nameOwnScript);
    if (y.statedAge) await p.getByLabel('Stated age', { exact: true }).fill(y.statedAge);
    if (y.calendar) await p.getByLabel('Calendar').selectOption({ label: y.calendar });
    if (y.dob) {
      await p.getByLabel('Year').fill(y.dob.year);
      // The month is chosen by its name in that calendar (the option's value is its number).
      if (y.dob.month) await p.getByLabel('Month').selectOption(y.dob.month);
      if (y.dob.day) await p.getByLabel('Day').fill(y.dob.day);
      if (y.dob.asSaid) await p.getByLabel('As they said it').fill(y.dob.asSaid);
    }
    if (y.nationality) await p.getByLabel('Nationality, as they say it').fill(y.nationality);
    if (y.nationalityCode) await p.getByLabel('Nationality (ISO 3166 country)').fill(y.nationalityCode);
    if (y.language) await p.getByLabel('First language (and dialect), as they say it').fill(y.language);
    if (y.languageCode) await p.getByLabel('First language (ISO 639-3)').fill(y.languageCode);
    await p.getByLabel('Why is the stated age doubted?').fill(y.reasonForDoubt);
  }
  /** A field with its label, hint and notes (e.g. the wording notes under the reason for doubt). */
  field(label: string): Locator {
    return this.page.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).last();
  }
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the assessment' }).click();
  }
}

export class AssessmentPage {
  readonly presumption: Locator;
  readonly findings: Locator;
  readonly nextStage: Locator;
  constructor(readonly page: Page) {
    this.presumption = page.locator('p.presumption');
    this.findings = page.getByRole('region', { name: 'Safeguards' });
    this.nextStage = page.getByRole('region', { name: /^Next:/ });
  }
  /** From the case (its task list or one of its parts) to check your answers, where the record is signed. */
  async openCheckAnswers(): Promise<void> {
    const back = this.page.getByRole('link', { name: 'Back to the task list' });
    const toCheck = this.page.getByRole('link', { name: 'Check your answers and sign' });
    await back.or(toCheck).first().waitFor();
    if (!(await toCheck.isVisible())) await back.click();
    await toCheck.click();
    await this.page.getByRole('heading', { name: /Check your answers before signing/ }).waitFor();
  }
  signButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign the record', exact: true });
  }
  /** The hand-over panel: who has signed, who is next, the record and the signing form. */
  get handoverPanel(): Locator {
    return this.page.locator('.handover');
  }
  /** The hand-over's line naming who signs next ("Waiting for your countersignature. …"). */
  get handoverStep(): Locator {
    return this.page.getByTestId('handover-step');
  }
  /** Ticks the signer's declaration (the sign button stays disabled until it is ticked). */
  async confirmDeclaration(): Promise<void> {
    await this.page.getByLabel(/I confirm this declaration/).check();
  }
  /**
   * Signs as whoever's turn it is (first signature, countersignature or a manager's authorisation):
   * the record stays in the store with the assessment, nothing is downloaded.
   */
  async signInApp(passphrase: string, button: 'Sign the record' | 'Countersign the record' | 'Authorise and sign', comment?: string): Promise<void> {
    await this.page.getByLabel('Your passphrase (unlocks your signing key)').fill(passphrase);
    if (comment) await this.page.getByLabel('Your comment on authorising (printed with your signature)').fill(comment);
    await this.confirmDeclaration();
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: /kept with this assessment/ }).waitFor();
  }
  /** The one file that leaves the app: the final record, exported once authorised. */
  async exportFinal(saveAs: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export the final record (PDF)' }).click()]);
    await download.saveAs(saveAs);
    return download;
  }
}

export class VerifyPage {
  readonly result: Locator;
  constructor(readonly page: Page) {
    this.result = page.locator('.panel h2');
  }
  async open(pdf: Buffer | string, name = 'record.pdf'): Promise<void> {
    const buffer = typeof pdf === 'string' ? undefined : pdf;
    await this.page.getByLabel('Signed PDF record').setInputFiles(buffer ? { name, mimeType: 'application/pdf', buffer } : (pdf as string));
  }
  async countersign(passphrase: string, saveAs: string): Promise<void> {
    await this.page.getByLabel('Your passphrase (unlocks your signing key)').fill(passphrase);
    await this.page.getByLabel(/I confirm this declaration/).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Add my signature' }).click()]);
    await download.saveAs(saveAs);
  }
}

export function writeBytes(path: string, bytes: Buffer): void {
  writeFileSync(path, bytes);
}
