/**
 * Import keeps history, never trust (issue 8, item 5). A bundle is a document anyone can write, so
 * the workflow state it claims (signatures, authorisation, who recorded a departure, signed addenda,
 * which store user each assessor is) is not taken on its word. What cannot be proven here is taken
 * off and listed, with the reason, in the import's answer; the content and the stage history stay.
 */
import type { Assessment } from '../../shared/domain/model';
import { ruleById } from '../../shared/safeguards/index';

export interface UntrustedClaim {
  /** Dotted path in the assessment, e.g. `signatures.0`. */
  path: string;
  what: string;
  why: string;
}

export interface ImportTrust {
  /** The importing user's name as the store records it: carried-in departures are attributed to them. */
  importer: string;
  /** The role of a current user of the receiving store, by id; undefined for anyone else. */
  userRole(userId: string): 'admin' | 'assessor' | 'manager' | undefined;
  /** Undefined when the signature at `index` is proven against this store's certificates; else why not. */
  signatureProof(original: Assessment, index: number): string | undefined;
}

/** No proof at all: what an import gets when no signed record and no store users are offered. */
export function noTrust(importer: string): ImportTrust {
  return {
    importer,
    userRole: () => undefined,
    signatureProof: () => 'a bundle carries no signature bytes, and no signed PDF record was given to prove it',
  };
}

/** The assessment as this store takes it, and every claim it did not take. Idempotent. */
export function withoutUntrustedClaims(a: Assessment, trust: ImportTrust): { assessment: Assessment; notTrusted: UntrustedClaim[] } {
  const notTrusted: UntrustedClaim[] = [];
  const note = (path: string, what: string, why: string) => notTrusted.push({ path, what, why });

  const signatures = a.signatures.filter((s, i) => {
    const why = trust.signatureProof(a, i);
    if (why) note(`signatures.${i}`, `signature by ${s.name} (${s.role}, ${s.signedOn})`, why);
    return !why;
  });

  let review = a.review;
  if (review.authorisedBy !== undefined || review.authorisedOn !== undefined) {
    note(
      'review.authorisedBy',
      `authorisation by ${review.authorisedBy ?? 'an unnamed manager'}${review.authorisedOn ? ` on ${review.authorisedOn}` : ''}`,
      "an authorisation is a manager's act in this store (after both assessors sign); a bundle's word for it is not taken",
    );
    const { authorisedBy: _b, authorisedOn: _o, ...rest } = review;
    review = rest;
  }

  let status = a.status;
  if (status === 'signed' || status === 'authorised') {
    const next = signatures.length > 0 ? 'signed' : 'in-progress';
    if (next !== status) {
      note(
        'status',
        `status "${status}"`,
        signatures.length > 0 ? 'the authorisation was not taken; the proven signatures keep it signed' : 'no signature in the bundle was proven here, so it arrives unsigned and open for work',
      );
    }
    status = next;
  }

  const departures = a.departures.flatMap((d, i) => {
    const rule = ruleById.get(d.ruleId);
    if (!rule?.departable) {
      note(`departures.${i}`, `departure from ${d.ruleId} recorded by ${d.recordedBy}`, rule ? `the law allows no departure from ${d.ruleId}` : `there is no safeguard rule ${d.ruleId}`);
      return [];
    }
    if (d.recordedBy === trust.importer) return [d];
    note(
      `departures.${i}.recordedBy`,
      `departure from ${d.ruleId} "recorded by ${d.recordedBy}"`,
      `nobody here can confirm who wrote it, so the importing user (${trust.importer}) answers for it`,
    );
    return [{ ...d, recordedBy: trust.importer }];
  });

  const addenda = a.addenda.map((x, i) => {
    if (x.signedOn === undefined) return x;
    note(`addenda.${i}.signedOn`, `signature of the addendum by ${x.createdBy}`, 'an addendum is signed in this store by its author with their own key; a bundle cannot prove it');
    const { signedOn: _s, ...rest } = x;
    return rest;
  });

  const assessorUsers = new Set<string>();
  const participants = a.participants.map((p, i) => {
    if (p.userId === undefined) return p;
    const role = trust.userRole(p.userId);
    let why: string | undefined;
    if (!role) why = 'not a user of this store';
    else if ((p.role === 'assessor' || p.role === 'manager') && role !== p.role) why = `that user is a ${role} here, not a ${p.role}`;
    else if (p.role === 'assessor' && assessorUsers.has(p.userId)) why = 'the same user is already the other assessor';
    if (!why) {
      if (p.role === 'assessor') assessorUsers.add(p.userId);
      return p;
    }
    note(`participants.${i}.userId`, `${p.name} linked to store user ${p.userId}`, `${why}; link them with \`carefile assessment link\` (assessments.linkParticipant)`);
    const { userId: _u, ...rest } = p;
    return rest;
  });

  return { assessment: { ...a, status, signatures, review, departures, addenda, participants }, notTrusted };
}
