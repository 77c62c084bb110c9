/**
 * The parts of an assessment that the assessors write, one per editor, each saved through its own
 * channel (`assessments.save<Part>`). This table is the only place that says which model fields a
 * part may change: the contract builds each channel's zod input from it, the main side applies a
 * save with `applyPart`, and the tests check that no part reaches a field the main side owns
 * (stage, status, review, signatures, departures, addenda, ids and bookkeeping times).
 *
 * Each field's schema is taken from the model itself (`Assessment.shape.x`), so a field added to
 * the model inside one of these parts flows through without touching this file. A top-level field
 * with a default is required here (`.unwrap()`): a part save replaces what it covers, and a key
 * left out by mistake must be an error, not a silent reset to the default.
 */
import { z } from 'zod';
import { Assessment, SafeguardLogEntry, YoungPerson } from './model';

const A = Assessment.shape;

/** Where a field lands when it is not the top-level key of the same name. */
type Writer = (a: Assessment, value: never, now: string) => Partial<Assessment>;

interface PartDef {
  title: string;
  fields: z.ZodRawShape;
  /** Fields written somewhere other than `a[key]` (see `applyPart`). */
  writers?: Partial<Record<string, Writer>>;
}

/** The young person's own details minus what the main side owns (the id) or another part edits (accommodation). */
const YoungPersonContent = YoungPerson.omit({ id: true, accommodation: true });
const SafeguardLogContent = SafeguardLogEntry.omit({ recordedOn: true });
type LogContent = z.infer<typeof SafeguardLogContent>;

/**
 * The safeguard log's `recordedOn` is a bookkeeping time: an entry that says what a stored one
 * says keeps its time; a new or changed entry is stamped now.
 */
function stampLog(a: Assessment, entries: LogContent[], now: string): Assessment['safeguardLog'] {
  const unused = [...a.safeguardLog];
  return entries.map((e) => {
    const same = unused.findIndex((old) => old.safeguard === e.safeguard && old.used === e.used && (old.reason ?? '') === (e.reason ?? ''));
    if (same < 0) return { ...e, recordedOn: now };
    const [old] = unused.splice(same, 1);
    return { ...e, recordedOn: old!.recordedOn };
  });
}

export const contentParts = {
  youngPerson: {
    title: 'young person, route and reason for doubt',
    fields: { youngPerson: YoungPersonContent, route: A.route, reasonForDoubt: A.reasonForDoubt },
    writers: {
      youngPerson: ((a: Assessment, value: z.infer<typeof YoungPersonContent>) => ({
        youngPerson: { ...value, id: a.youngPerson.id, accommodation: a.youngPerson.accommodation },
      })) as Writer,
    },
  },
  trafficking: {
    title: 'trafficking screen, accommodation and needs',
    fields: {
      trafficking: A.trafficking.unwrap(),
      treatedAsStatedAge: A.treatedAsStatedAge.unwrap(),
      additionalNeeds: A.additionalNeeds,
      accommodation: YoungPerson.shape.accommodation,
    },
    writers: {
      accommodation: ((a: Assessment, value: Assessment['youngPerson']['accommodation']) => ({
        youngPerson: { ...a.youngPerson, accommodation: value },
      })) as Writer,
    },
  },
  participants: {
    title: 'participants and information requests',
    fields: { participants: A.participants.unwrap(), informationRequests: A.informationRequests.unwrap() },
  },
  safeguardLog: {
    title: 'safeguard log',
    fields: { safeguardLog: z.array(SafeguardLogContent) },
    writers: { safeguardLog: ((a: Assessment, value: LogContent[], now: string) => ({ safeguardLog: stampLog(a, value, now) })) as Writer },
  },
  explanation: { title: 'explanation and consent', fields: { explanation: A.explanation.unwrap(), consent: A.consent.unwrap() } },
  sessions: { title: 'interview sessions', fields: { sessions: A.sessions.unwrap() } },
  domains: { title: 'Merton domains and life timeline', fields: { domains: A.domains.unwrap(), timeline: A.timeline.unwrap() } },
  evidence: { title: 'evidence', fields: { evidence: A.evidence.unwrap() } },
  analysis: { title: 'analysis and adverse points', fields: { analysis: A.analysis, adversePoints: A.adversePoints.unwrap() } },
  mindedTo: { title: 'minded-to meeting', fields: { mindedTo: A.mindedTo } },
  decision: { title: 'decision', fields: { decision: A.decision } },
  sharing: { title: 'sharing of the decision', fields: { sharing: A.sharing.unwrap() } },
} as const satisfies Record<string, PartDef>;

export type PartName = keyof typeof contentParts;
export const partNames = Object.keys(contentParts) as PartName[];
export type PartFields<P extends PartName> = (typeof contentParts)[P]['fields'];
export type PartContent<P extends PartName> = z.output<z.ZodObject<PartFields<P>>>;

/** The channel that saves a part: `assessments.saveYoungPerson`, `assessments.saveSessions`, ... */
export type PartChannelName<P extends PartName = PartName> = `assessments.save${Capitalize<P>}`;
export function partChannelName<P extends PartName>(part: P): PartChannelName<P> {
  return `assessments.save${part.charAt(0).toUpperCase()}${part.slice(1)}` as PartChannelName<P>;
}

/** The model's top-level keys a part may change (the property tests hold every other key still). */
export function partModelKeys(part: PartName): Array<keyof Assessment> {
  return Object.keys(contentParts[part].fields).map((k) => (k === 'accommodation' ? 'youngPerson' : (k as keyof Assessment)));
}

/**
 * A part's fields as they stand in an assessment (the inverse of `applyPart`): what an editor that
 * works on a whole draft assessment sends. Owned fields inside (the young person's id, the log's
 * times) are dropped by the part's schema on the main side.
 */
export function readPart<P extends PartName>(a: Assessment, part: P): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(contentParts[part].fields)) {
    out[key] = key === 'accommodation' ? a.youngPerson.accommodation : a[key as keyof Assessment];
  }
  return out;
}

/**
 * The assessment with one part replaced by `content` (already validated against the part's
 * schema). Owned fields are never read from `content`; `updatedOn` is the main side's `now`.
 */
export function applyPart<P extends PartName>(a: Assessment, part: P, content: PartContent<P>, now: string): Assessment {
  const def: PartDef = contentParts[part];
  let next: Assessment = { ...a, updatedOn: now };
  for (const key of Object.keys(def.fields)) {
    const value = (content as Record<string, unknown>)[key];
    const write = def.writers?.[key];
    next = { ...next, ...(write ? write(next, value as never, now) : { [key]: value }) };
  }
  return next;
}
