import type { HandlerMap } from './types';
import { storeStateOf } from './store';

export const appHandlers = {
  'app.info': (_input, ctx) => ({
    name: 'Carefile' as const,
    version: ctx.app.version,
    mode: ctx.app.mode,
    schemaVersion: 1,
    storeState: storeStateOf(ctx),
  }),
} satisfies Partial<HandlerMap>;
