import type { Locator, Page } from '@playwright/test';
import { openPart } from './case-pages';

/** The "Record" panel of an assessment: its editor tabs and the form of the open one. */
class EditorTab {
  readonly form: Locator;
  constructor(
    readonly page: Page,
    readonly title: string,
  ) {
    this.form = page.getByRole('form', { name: title });
  }
  async open(): Promise<void> {
    await openPart(this.page, this.title);
    await this.form.waitFor();
  }
  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save' }).click();
  }
  /** The main side's error (or a form check) shown next to the form. */
  get alert(): Locator {
    return this.form.getByRole('alert').first();
  }
}

export interface IndicatorInput {
  indicator: string;
  observedOn: string;
  source?: string;
  ownWords?: string;
}

export class TraffickingEditorPage extends EditorTab {
  constructor(page: Page) {
    super(page, 'Trafficking, accommodation and needs');
  }
  async addIndicator(i: IndicatorInput): Promise<void> {
    await this.form.getByRole('button', { name: 'Add an indicator' }).click();
    const card = this.form.getByRole('group', { name: /^Indicator \d+$/ }).last();
    await card.getByLabel('What was seen or said').fill(i.indicator);
    await card.getByLabel('Observed on').fill(i.observedOn);
    if (i.source) await card.getByLabel('Source').fill(i.source);
    if (i.ownWords) await card.getByLabel("In the young person's own words").fill(i.ownWords);
  }
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }
  async recordS51Steps(s: { informed: string; nrm: { date: string; reference: string; firstResponder: string }; guardian: { date: string; service: string }; plan: { agreedOn: string; summary: string } }): Promise<void> {
    await this.field('The s.51 presumption is applied (treated as under 18)').check();
    await this.field("Children's services informed on").fill(s.informed);
    await this.field('Police informed on').fill(s.informed);
    await this.field('NRM referral made on').fill(s.nrm.date);
    await this.field('NRM reference').fill(s.nrm.reference);
    await this.field('First responder').fill(s.nrm.firstResponder);
    await this.field('Guardian referral made on').fill(s.guardian.date);
    await this.field('Guardian service').fill(s.guardian.service);
    await this.field('Plan agreed on').fill(s.plan.agreedOn);
    await this.field('What the plan says').fill(s.plan.summary);
  }
  async setAccommodation(label: string, since?: string): Promise<void> {
    await this.field('Where the young person lives now').selectOption({ label });
    if (since) await this.field('Living there since').fill(since);
  }
}

export interface AssessorInput {
  name: string;
  organisation?: string;
  registration?: string;
  experienced?: boolean;
  experienceNote?: string;
}

export class ParticipantsEditorPage extends EditorTab {
  constructor(page: Page) {
    super(page, 'Participants and information requests');
  }
  /** Adds a participant of the role and returns their card. */
  async add(role: string, name: string, organisation?: string): Promise<Locator> {
    await this.form.getByLabel('Role of the person to add').selectOption({ label: role });
    await this.form.getByRole('button', { name: 'Add a participant' }).click();
    const card = this.form.getByRole('group', { name: /^Participant \d+$/ }).last();
    await card.getByLabel('Name', { exact: true }).fill(name);
    if (organisation) await card.getByLabel('Organisation').fill(organisation);
    return card;
  }
  async addAssessor(a: AssessorInput): Promise<void> {
    const card = await this.add('Assessor (social worker)', a.name, a.organisation);
    await card.getByLabel('Qualified, registered social worker').check();
    if (a.registration) await card.getByLabel('Social Work England registration number').fill(a.registration);
    if (a.experienced) await card.getByLabel('Experienced in age assessment or work with unaccompanied children').check();
    if (a.experienceNote) await card.getByLabel('Experience and training').fill(a.experienceNote);
  }
  async addInterpreter(i: { name: string; language: string; languageCode?: string; dialect?: string; mode: string }): Promise<void> {
    const card = await this.add('Interpreter', i.name);
    await card.getByLabel('Language', { exact: true }).fill(i.language);
    // The searchable ISO 639-3 list: typing a name offers "Tigrinya (tir)"; the code is read back from the choice.
    if (i.languageCode) await card.getByLabel("ISO 639-3 code of the interpreter's language").fill(i.languageCode);
    if (i.dialect) await card.getByLabel('Dialect', { exact: true }).fill(i.dialect);
    await card.getByLabel('How they interpret').selectOption({ label: i.mode });
  }
  async addAppropriateAdult(a: { name: string; organisation: string; independent: boolean; trained: boolean; accepted: boolean }): Promise<void> {
    const card = await this.add('Appropriate adult', a.name, a.organisation);
    if (a.independent) await card.getByLabel('Independent of the council').check();
    if (a.trained) await card.getByLabel('Trained as an appropriate adult').check();
    if (a.accepted) await card.getByLabel('The young person accepts them').check();
  }
  async addInformationRequest(r: { from: string; requestedOn: string; receivedOn?: string; evidence?: string }): Promise<void> {
    await this.form.getByRole('button', { name: 'Add an information request' }).click();
    const card = this.form.getByRole('group', { name: /^Information request \d+$/ }).last();
    await card.getByLabel('Requested from').fill(r.from);
    await card.getByLabel('Requested on').fill(r.requestedOn);
    if (r.receivedOn) await card.getByLabel('Received on').fill(r.receivedOn);
    if (r.evidence) await card.getByLabel('Evidence item it became').selectOption({ label: r.evidence });
  }
}

export class ExplanationConsentEditorPage extends EditorTab {
  constructor(page: Page) {
    super(page, 'Explanation and consent');
  }
  async explain(e: { verbalOn: string; writtenOn: string; language: string; understanding: string }): Promise<void> {
    await this.form.getByLabel('Explained verbally on').fill(e.verbalOn);
    await this.form.getByLabel('Explained in writing on').fill(e.writtenOn);
    await this.form.getByLabel('Language of the explanation').fill(e.language);
    await this.form.getByLabel('How the young person showed they understood').fill(e.understanding);
  }
  async consent(c: { takePart: 'Yes' | 'No'; share: 'Yes' | 'No'; recordedOn: string; note?: string }): Promise<void> {
    await this.form.getByLabel('Agreed to take part').selectOption({ label: c.takePart });
    await this.form.getByLabel('Agreed to information being shared').selectOption({ label: c.share });
    await this.form.getByLabel('Answers recorded on').fill(c.recordedOn);
    if (c.note) await this.form.getByLabel('Consent note').fill(c.note);
  }
  async withdraw(on: string): Promise<void> {
    await this.form.getByRole('button', { name: 'Record that consent was withdrawn' }).click();
    await this.form.getByLabel('Consent withdrawn on').fill(on);
  }
}

export class SafeguardLogEditorPage extends EditorTab {
  constructor(page: Page) {
    super(page, 'Safeguard log');
  }
  /** The table row of one safeguard, found by its plain-English name. */
  safeguard(name: string): Locator {
    return this.form.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }
  async answer(name: string, used: 'Yes' | 'No', reason?: string): Promise<void> {
    const row = this.safeguard(name);
    await row.getByRole('combobox', { name: `${name}`, exact: false }).selectOption({ label: used });
    if (reason !== undefined) await row.getByRole('textbox').fill(reason);
  }
  /** One row per safeguard. */
  get rows(): Locator {
    return this.form.getByRole('rowheader');
  }
}
