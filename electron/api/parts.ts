/**
 * One handler per part of an assessment, all built from the table in shared/domain/parts.ts:
 * load, ask the workflow whether this person may save this part now, apply the part (the main
 * side stamps the bookkeeping times), check the whole for dangling references and links, store it
 * with its audit event, and answer with the saved assessment and its safeguard check.
 */
import type { HandlerContext } from './context';
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore } from './store';
import { actorOf, allow, loadAssessment, storeOf } from './workflow';
import { applyPart, partChannelName, partNames, type PartChannelName, type PartContent, type PartName } from '../../shared/domain/parts';
import { checkAssessment, saveRefusal } from '../../shared/domain/workflow';
import type { Assessment } from '../../shared/domain/model';
import { CalendarError, withGregorian } from '../../shared/domain/calendars';
import { assessmentReferenceErrors } from '../../shared/bundle/index';
import type { Store } from '../store/index';

/**
 * A link made here (a participant newly linked to a store user, or relinked) must name a current
 * user of the matching role: an assessor signs as an assessor, a manager as a manager. Links that
 * arrived with the assessment are left as they are (the workflow still refuses a signature or an
 * authorisation they do not support). And one user is one participant: the two-assessor rule
 * cannot be met by one person named twice.
 */
function linkProblems(store: Store, before: Assessment, a: Assessment): ApiFailure | undefined {
  const users = new Map(store.users.list({ includeRemoved: false }).map((u) => [u.id, u]));
  const kept = new Set(before.participants.filter((p) => p.userId).map((p) => `${p.id}\u0000${p.role}\u0000${p.userId}`));
  const seen = new Map<string, number>();
  for (const [i, p] of a.participants.entries()) {
    if (!p.userId) continue;
    const field = `participants.${i}.userId`;
    const user = users.get(p.userId);
    const first = seen.get(p.userId);
    if (first !== undefined) {
      return new ApiFailure('INVALID_INPUT', `${field}: ${a.participants[first]!.name} and ${p.name} are linked to the same Carefile user; one person is one participant.`, field);
    }
    seen.set(p.userId, i);
    if (kept.has(`${p.id}\u0000${p.role}\u0000${p.userId}`)) continue;
    if (!user) return new ApiFailure('INVALID_INPUT', `${field}: ${p.name} is linked to a user who is not in this store.`, field);
    if ((p.role === 'assessor' || p.role === 'manager') && user.role !== p.role) {
      return new ApiFailure('INVALID_INPUT', `${field}: ${p.name} is named as ${p.role === 'assessor' ? 'an assessor' : 'a manager'}, but ${user.displayName} is not one in Carefile.`, field);
    }
  }
  return undefined;
}

/** A stated date of birth is converted to Gregorian days here, never taken from the renderer. */
function toldDatesConverted<P extends PartName>(part: P, input: { id: string } & PartContent<P>): { id: string } & PartContent<P> {
  if (part !== 'youngPerson') return input;
  const yp = (input as unknown as PartContent<'youngPerson'>).youngPerson;
  if (!yp.statedDateOfBirth) return input;
  try {
    return { ...input, youngPerson: { ...yp, statedDateOfBirth: withGregorian(yp.statedDateOfBirth) } };
  } catch (err) {
    if (err instanceof CalendarError) throw new ApiFailure('INVALID_INPUT', `youngPerson.statedDateOfBirth: ${err.message}`, 'youngPerson.statedDateOfBirth');
    throw err;
  }
}

export function savePart<P extends PartName>(part: P, input: { id: string } & PartContent<P>, ctx: HandlerContext) {
  return guardStore(() => {
    const store = storeOf(ctx);
    // Read, check and write in one transaction: one commit, and no other save can land in between.
    const { saved, now } = store.batch(() => savePartNow(store, part, input, ctx));
    // The safeguard check reads only the saved assessment: it runs after the commit.
    return { assessment: saved, check: checkAssessment(saved, now) };
  });
}

function savePartNow<P extends PartName>(store: Store, part: P, input: { id: string } & PartContent<P>, ctx: HandlerContext) {
  const current = loadAssessment(store, input.id);
  allow(saveRefusal(actorOf(ctx), current, part));
  const now = new Date();
  const next = applyPart(current, part, toldDatesConverted(part, input), now.toISOString());
  // The same integrity checks as an import: no dangling references, no duplicate ids.
  const [problem] = assessmentReferenceErrors(next, '');
  if (problem) {
    const field = problem.path.replace(/^\./, '');
    throw new ApiFailure('INVALID_INPUT', `${field}: ${problem.message}.`, field);
  }
  if (part === 'participants') {
    const bad = linkProblems(store, current, next);
    if (bad) throw bad;
  }
  const saved = store.assessments.put(next);
  // What was typed is now in the record: the saver's draft of this part has done its job.
  store.drafts.discard(input.id, part);
  return { saved, now };
}

export const partHandlers = Object.fromEntries(
  partNames.map((p) => [partChannelName(p), (input: { id: string } & PartContent<typeof p>, ctx: HandlerContext) => savePart(p, input, ctx)]),
) as unknown as Pick<HandlerMap, PartChannelName>;
