/**
 * What every assessment handler shares: the signed-in person as the workflow sees them, loading an
 * assessment, and turning a workflow refusal into the typed error dispatch returns. The decisions
 * themselves live in shared/domain/workflow.ts.
 */
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { storeSessionOf } from './store';
import type { Assessment } from '../../shared/domain/model';
import { actorFor, type Actor, type Refusal } from '../../shared/domain/workflow';
import type { Store } from '../store/index';

export function storeOf(ctx: HandlerContext): Store {
  return storeSessionOf(ctx).store;
}

export function actorOf(ctx: HandlerContext): Actor {
  return actorFor(storeOf(ctx).session);
}

export function loadAssessment(store: Store, id: string): Assessment {
  const a = store.assessments.get(id);
  if (!a) throw new ApiFailure('NOT_FOUND', `There is no assessment ${id}.`, 'id');
  return a;
}

export function refusalError(r: Refusal): ApiFailure {
  return new ApiFailure(r.code, r.message, r.field);
}

/** Throws the refusal, if any: `allow(signRefusal(actor, a, now))`. */
export function allow(r: Refusal | undefined): void {
  if (r) throw refusalError(r);
}
