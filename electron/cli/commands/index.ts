/** Every verb registers itself here, one module per family, so features add verbs without touching main.ts. */
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { registerAssessmentCommands } from './assessment';
import { openStoreForCli } from './assessment-store';
import { register as registerRecordCommands } from './record';
import { registerStoreCommands } from './store';
import { registerQualityCommands } from './quality';

export type RegisterCommands = (program: Command, io: CliIO) => void;

export const commandFamilies: RegisterCommands[] = [
  registerStoreCommands,
  (program, io) => registerAssessmentCommands(program, io, { openStore: (opts) => openStoreForCli(io, opts) }),
  registerRecordCommands,
  registerQualityCommands,
];
