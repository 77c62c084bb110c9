import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { outcomesCsv } from '../quality/outcomes';
import { qualityDrilldown, qualityFigures, resolveAssessors } from '../quality/figures';
import { actorOf, allow } from './workflow';
import { roleRefusal } from '../../shared/domain/workflow';
import { isoDateOfInstant } from '../../shared/domain/calendars';

export const qualityHandlers = {
  // Quality audit is a manager's job (and an administrator's, for the records officer); an assessor
  // works on their own assessments and gets no team-wide export.
  'quality.outcomes': (_input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      if (store.session.role === 'assessor') throw new ApiFailure('FORBIDDEN', 'Only managers and administrators export the outcomes of every assessment.');
      // Kept in the summaries at save: one row each, no assessment loaded, no rule run here.
      // One collator for the sort (localeCompare's own order, without its per-call set-up on 10,000 rows).
      const order = new Intl.Collator();
      const rows = store.summaries.outcomeRows().sort((x, y) => order.compare(x.reference, y.reference));
      return { rows, csv: outcomesCsv(rows) };
    }),
  // Both read the summaries kept at save time (electron/quality/figures.ts): SQL, never a load of every assessment.
  'quality.figures': (input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      allow(roleRefusal(actorOf(ctx), 'audit'));
      return qualityFigures(store, { since: input.since, until: input.until, ...resolveAssessors(store, input.assessors), given: input });
    }),
  'quality.drilldown': (input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      allow(roleRefusal(actorOf(ctx), 'audit'));
      const filter = { since: input.since, until: input.until, ...resolveAssessors(store, input.assessors) };
      const rows = qualityDrilldown(store, filter, input, isoDateOfInstant(new Date().toISOString()));
      return { figure: input.figure, count: rows.length, rows };
    }),
} satisfies Partial<HandlerMap>;
