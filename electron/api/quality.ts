import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { outcomeRow, outcomesCsv } from '../quality/outcomes';

export const qualityHandlers = {
  // Quality audit is a manager's job (and an administrator's, for the records officer); an assessor
  // works on their own assessments and gets no team-wide export.
  'quality.outcomes': (_input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      if (store.session.role === 'assessor') throw new ApiFailure('FORBIDDEN', 'Only managers and administrators export the outcomes of every assessment.');
      const now = new Date();
      const rows = store.assessments
        .list()
        .map((s) => store.assessments.get(s.id))
        .filter((a) => a !== undefined)
        .map((a) => outcomeRow(a, now))
        .sort((x, y) => x.reference.localeCompare(y.reference));
      return { rows, csv: outcomesCsv(rows) };
    }),
  // Interim: the contract is fixed first so the dashboard can be built on it; the SQL follows.
  'quality.figures': () => {
    throw new ApiFailure('INTERNAL', 'The quality figures are not built yet.');
  },
  'quality.drilldown': () => {
    throw new ApiFailure('INTERNAL', 'The quality figures are not built yet.');
  },
} satisfies Partial<HandlerMap>;
