/** Every verb registers itself here, one module per family, so features add verbs without touching main.ts. */
import type { RegisterCommands } from './register';
import { registerAssessmentCommands } from './assessment';
import { openStoreForCli } from './assessment-store';
import { register as registerRecordCommands } from './record';
import { registerStoreCommands } from './store';
import { registerQualityCommands } from './quality';

export type { RegisterCommands } from './register';

export const commandFamilies: RegisterCommands[] = [
  registerStoreCommands,
  (program, io) => registerAssessmentCommands(program, io, { openStore: (opts) => openStoreForCli(io, opts) }),
  registerRecordCommands,
  registerQualityCommands,
];
