/**
 * `carefile call CHANNEL [--input FILE|-]`: any channel of the contract, with JSON in and the
 * answer out, exactly as dispatch gives it to the app: `{"ok":true,"value":…}` or
 * `{"ok":false,"error":{code,message,field?}}`. The exit code follows the error code (docs/cli.md).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { channelNames, contract } from '../../../shared/contract';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { EXIT_BY_CODE, isPublicChannel, withSession } from '../session';

async function inputText(io: CliIO, file: string | undefined): Promise<string> {
  if (file === undefined) return '{}';
  if (file === '-') return io.readStdin();
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new CliError(Exit.USAGE, `cannot read ${file}`);
  }
}

export function registerCallCommand(program: Command, io: CliIO): void {
  withStoreOptions(
    program
      .command('call')
      .description('Call any channel of the handler map with a JSON input and print the JSON answer (`carefile call --list` names them).')
      .argument('[channel]', 'a channel name, e.g. assessments.get')
      .option('--input <file>', 'the JSON input (a file, or - for standard input; default: {})')
      .option('--list', 'list every channel with its one-line summary'),
  ).action(async (name: string | undefined, opts: StoreOptionValues & { input?: string; list?: boolean }) => {
    if (opts.list || !name) {
      for (const n of channelNames) io.out(`${n.padEnd(32)} ${contract[n].summary}`);
      if (!opts.list) throw new CliError(Exit.USAGE, 'give a channel name');
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(await inputText(io, opts.input));
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(Exit.USAGE, `the input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Public channels (status, verify, doctor …) run locked unless credentials are given.
    const result = await withSession(io, opts, (await isPublicChannel(name)) ? 'if-credentials' : 'always', (s) => s.result(name, input));
    io.out(JSON.stringify(result, null, 2));
    if (!result.ok) throw new CliError(EXIT_BY_CODE[result.error.code], '');
  });
}
