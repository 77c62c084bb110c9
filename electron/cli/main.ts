import { Command, CommanderError, Help } from 'commander';
import { CliError, Exit } from './exit';
import { processIO, type CliIO } from './io';
import { familiesFor, isTopLevelHelp } from './commands/index';
import { topLevelHelp } from './commands/help-index';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The program with the verbs `argv` needs (argv as process.argv gives it: node, script, args…);
 * without argv, every verb (for --help and the tests that walk them all).
 */
export async function buildProgram(io: CliIO, argv?: readonly string[]): Promise<Command> {
  const program = new Command('carefile')
    .description('Carefile: lawful age assessment records. Administer the encrypted store, check assessments, make and verify signed PDF records.')
    .version(packageJson.version)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const args = argv ? argv.slice(2) : [];
  if (isTopLevelHelp(args)) {
    // Named, not loaded: each verb as a bare entry with the words its family gives it (help-index.ts).
    const terms = new Map(topLevelHelp.map((v) => [v.verb, v.term]));
    for (const v of topLevelHelp) program.command(v.verb).description(v.description);
    const plain = new Help();
    program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? plain.subcommandTerm(cmd) });
    return program;
  }
  for (const register of await Promise.all(familiesFor(args).map((f) => f.load()))) register(program, io);
  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit, so it is testable in-process. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync(argv);
    return Exit.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? Exit.OK : Exit.USAGE;
    }
    if (err instanceof CliError) {
      if (err.message) io.err(`carefile: ${err.message}`);
      return err.exitCode;
    }
    // A full disk, a read-only folder, permission denied, a file held by another program: exit 4, in plain words.
    // Loaded only here: the store's fault mapping must not weigh on `carefile --version`.
    const { machineFaultError } = await import('../api/errors');
    const fault = machineFaultError(err);
    if (fault) {
      io.err(`carefile: ${fault.message}`);
      return Exit.STORE_UNAVAILABLE;
    }
    io.err(`carefile: unexpected ${err instanceof Error ? err.name : 'error'}: ${err instanceof Error ? err.message : String(err)}`);
    return Exit.CHECK_FAILED;
  }
}
