/**
 * Reason quality (issue #9): a reason for a departure, for a safeguard not used, for a domain not
 * explored, for an obvious case, for no minded-to meeting, for a refusal... must say why in the
 * circumstances of this young person. HAM v Brent asks councils to record why each safeguard was
 * or was not used; "Not required" or "N/A" records nothing a court could weigh. One helper, used by
 * every rule that reads a "because" field, so the bar is the same everywhere.
 *
 * The test is deliberately plain and explainable: the reason fails when, once the stock phrases
 * ("not required", "see above", "N/A" ...) and filler words are taken out, fewer than three words
 * of substance remain, or when it is shorter than 20 characters (the departure channel's floor).
 */

/** Stock phrases that say nothing about this young person. */
const STOCK = [
  'not required', 'not needed', 'not necessary', 'not applicable', 'not relevant', 'not appropriate', 'not possible',
  'not available', 'not used', 'not done', 'no need', 'not a full assessment', 'not full assessment', 'short assessment',
  'abbreviated assessment', 'see above', 'as above', 'see below', 'see notes', 'see file', 'see record', 'see report',
  'as per policy', 'as per procedure', 'per policy', 'standard practice', 'usual practice', 'as discussed', 'as agreed',
  'manager agreed', 'manager decision', 'management decision', 'n a', 'na', 'n/a', 'none', 'nil', 'no', 'yes', 'ok',
  'tbc', 'tba', 'to follow', 'unavailable', 'declined', 'refused', 'obvious', 'obviously', 'clearly', 'not applicable here',
];

/** Words that carry no reason on their own. */
const FILLER = new Set(
  'a an the in on at of for to and or but is was were be been it this that these those here there case time young person yp child assessment assessor assessors council we our they he she his her him them their was as per by with not required needed necessary applicable'.split(' '),
);

const normalise = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
const stockRe = new RegExp(`\\b(?:${STOCK.map((p) => normalise(p).replace(/ /g, '\\s+')).sort((x, y) => y.length - x.length).join('|')})\\b`, 'g');

export const MIN_REASON_CHARS = 20;

export interface ReasonProblem {
  kind: 'missing' | 'too-short' | 'generic';
  /** Plain words for the finding, naming the field. */
  message: string;
}

/**
 * What is wrong with a "because" field, or undefined when it says why. `field` names the field in
 * plain words (e.g. `The reason the "breaks" safeguard was not used`).
 */
export function reasonProblem(text: string | undefined | null, field: string): ReasonProblem | undefined {
  const raw = (text ?? '').trim();
  if (raw === '') return { kind: 'missing', message: `${field} is not recorded.` };
  const quoted = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
  const substance = normalise(raw)
    .replace(stockRe, ' ')
    .split(' ')
    .filter((w) => w.length >= 3 && !FILLER.has(w));
  if (substance.length < 3) {
    return { kind: 'generic', message: `${field} ("${quoted}") is too short or generic: it does not say why, in this young person's circumstances.` };
  }
  if (raw.length < MIN_REASON_CHARS) {
    return { kind: 'too-short', message: `${field} ("${quoted}") is too short to say why, in this young person's circumstances.` };
  }
  return undefined;
}

/** True when a "because" field says why (see reasonProblem). */
export const saysWhy = (text: string | undefined | null): boolean => reasonProblem(text, 'x') === undefined;

export const REASON_REMEDY = 'Say why, in the circumstances of this young person: what was considered, what made it so here, and what was done instead.';
