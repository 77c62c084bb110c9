import type { Command } from 'commander';
import type { CliIO } from '../io';

/**
 * How a family of verbs adds itself to the program. Its own module, so a family can name the type
 * without importing commands/index.ts, which imports every family (no cycle).
 */
export type RegisterCommands = (program: Command, io: CliIO) => void;
