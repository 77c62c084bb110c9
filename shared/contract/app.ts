import { z } from 'zod';
import { channel, NoInput } from './define';

export const appChannels = {
  'app.info': channel({
    summary: 'Name, version and how the app is running (desktop window or browser mode).',
    input: NoInput,
    output: z.object({
      name: z.literal('Carefile'),
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      schemaVersion: z.number().int(),
      storeState: z.enum(['uninitialised', 'locked', 'unlocked']),
    }),
    errors: [],
    public: true,
  }),
};
