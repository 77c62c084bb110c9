import type { Command } from 'commander';
import type { CliIO } from '../io';

/** How a family of verbs adds itself to the program. */
export type RegisterCommands = (program: Command, io: CliIO) => void;
