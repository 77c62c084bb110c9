/** `carefile outcomes`: every assessment's outcome, departures and review, as CSV or JSON (AA-43). */
import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { storeAction, withStoreOptions, withUnlockedStore, type StoreOptionValues } from '../store-options';
import { outcomeRow, outcomesCsv } from '../../quality/outcomes';

export function registerQualityCommands(program: Command, io: CliIO): void {
  withStoreOptions(program.command('outcomes'))
    .description('Every assessment in the store with its outcome, days to decision, safeguards unmet or departed from, manager review and new information after the decision: CSV (or --json) for audit and learning (AA-43).')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      storeAction(async (opts: StoreOptionValues & { out?: string }) => {
        const rows = await withUnlockedStore(io, opts, (store) => {
          const now = new Date();
          return store.assessments
            .list()
            .map((s) => store.assessments.get(s.id))
            .filter((a) => a !== undefined)
            .map((a) => outcomeRow(a, now))
            .sort((x, y) => x.reference.localeCompare(y.reference));
        });
        const text = opts.json ? `${JSON.stringify(rows, null, 2)}\n` : outcomesCsv(rows);
        if (!opts.out) return io.out(text);
        // Beside, then renamed: a failed write never leaves half a file.
        writeFileSync(`${opts.out}.partial`, text, { mode: 0o600 });
        renameSync(`${opts.out}.partial`, opts.out);
        io.out(`Wrote ${rows.length} assessment${rows.length === 1 ? '' : 's'} to ${opts.out}.`);
      }),
    );
}
