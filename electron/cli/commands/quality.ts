/** `carefile outcomes`: every assessment's outcome, departures and review, as CSV or JSON (AA-43). */
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';

export function registerQualityCommands(program: Command, io: CliIO): void {
  withStoreOptions(program.command('outcomes'))
    .description(
      'Every assessment in the store with its outcome, days to decision, safeguards unmet or departed from, manager review and new information after the decision: CSV (or --json) for audit and learning (AA-43). Managers and administrators. [quality.outcomes]',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: StoreOptionValues & { out?: string }) => {
      const { rows, csv } = await withSession(io, opts, 'always', (s) => s.call('quality.outcomes', {}));
      const text = opts.json ? `${JSON.stringify(rows, null, 2)}\n` : csv;
      if (!opts.out) return io.out(text);
      // Beside, then renamed: a failed write never leaves half a file.
      writeFileSync(`${opts.out}.partial`, text, { mode: 0o600 });
      chmodSync(`${opts.out}.partial`, 0o600); // the mode above applies only when the file is created
      renameSync(`${opts.out}.partial`, opts.out);
      io.out(`Wrote ${rows.length} assessment${rows.length === 1 ? '' : 's'} to ${opts.out}.`);
    });
}
