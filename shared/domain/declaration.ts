/**
 * The declaration a signer confirms before their signature is added to the record. One text per
 * role, kept here alone so the screen that asks, the CLI that asks (--confirm-declaration), the
 * signature kept on the assessment and the words printed beside the signature in the PDF are the
 * same words. Changing a text changes what later signers declare; signatures already made keep the
 * words they confirmed (SignatureRecord.declaration).
 */

export type DeclaringRole = 'assessor' | 'manager';

export const declarations: Readonly<Record<DeclaringRole, string>> = {
  assessor:
    'I declare that this record is a true and complete account of the age assessment I carried out: the young person was ' +
    'given the benefit of the doubt where it was due, the safeguards were applied or departed from as recorded, every ' +
    'warning open at signing is answered in the record, and the decision is my own professional judgement on the evidence recorded.',
  manager:
    'I declare that I have reviewed this age assessment and its record, that I did not assess the young person myself, and ' +
    'that I authorise the decision as lawful and fairly reached on the evidence recorded, with my comments as recorded.',
};

export function declarationFor(role: string): string {
  return role === 'manager' ? declarations.manager : declarations.assessor;
}

/** The error a signature without the confirmation gets (the contract's message, shown at the checkbox). */
export const declarationRequired = 'Confirm the declaration: a record is signed only by someone who confirms it.';
