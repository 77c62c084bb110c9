/** Every verb registers itself here, one module per family, so features add verbs without touching main.ts. */
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { register as registerRecord } from './record';

export type RegisterCommands = (program: Command, io: CliIO) => void;

export const commandFamilies: RegisterCommands[] = [];
commandFamilies.push(registerRecord);
