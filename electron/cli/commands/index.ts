/** Every verb registers itself here, one module per family, so features add verbs without touching main.ts. */
import { registerAssessmentCommands } from './assessment';
import { registerWorkflowCommands } from './assessment-workflow';
import { registerReassessmentCommands } from './assessment-reassessment';
import { registerCallCommand } from './call';
import { register as registerRecordCommands } from './record';
import { registerStoreCommands } from './store';
import { registerQualityCommands } from './quality';
import type { RegisterCommands } from './types';

export type { RegisterCommands } from './types';

export const commandFamilies: RegisterCommands[] = [
  registerStoreCommands,
  registerAssessmentCommands,
  registerWorkflowCommands,
  registerReassessmentCommands,
  registerRecordCommands,
  registerQualityCommands,
  registerCallCommand,
];
