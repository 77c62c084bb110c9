import type { HandlerMap } from './types';

export const appHandlers = {
  'app.info': (_input, ctx) => ({
    name: 'Carefile' as const,
    version: ctx.app.version,
    mode: ctx.app.mode,
    schemaVersion: 1,
    storeState: 'uninitialised' as const,
  }),
} satisfies Partial<HandlerMap>;
