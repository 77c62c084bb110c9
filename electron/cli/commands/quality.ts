/** `carefile outcomes`: every assessment's outcome, departures and review, as CSV or JSON (AA-43). */
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import { formatAudit } from '../format-audit';
import { CliError, Exit } from '../exit';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function day(name: string) {
  return (value: string) => {
    if (!DAY.test(value)) throw new CliError(Exit.USAGE, `--${name} takes a date as YYYY-MM-DD, not "${value}".`);
    return value;
  };
}

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

  withStoreOptions(program.command('audit'))
    .description(
      'The quality figures for decisions in a period, by some or all assessors: outcomes, days to decision, each safeguard met, departed from or missing, minded-to, interpreters and appropriate adults, wording, trafficking, reassessments, and the disparity view by nationality and first language (Wilson 95% intervals, groups under 5 suppressed). Text, or --json. Managers and administrators. [quality.figures]',
    )
    .option('--since <date>', 'decisions on or after this day (YYYY-MM-DD)', day('since'))
    .option('--until <date>', 'decisions on or before this day (YYYY-MM-DD)', day('until'))
    .option('--assessor <name>', 'only assessments with this assessor (user name, display name or the name on the assessment); repeat for more', (v: string, acc: string[] = []) => [...acc, v])
    .action(async (opts: StoreOptionValues & { since?: string; until?: string; assessor?: string[] }) => {
      const input = { since: opts.since, until: opts.until, assessors: opts.assessor };
      const figures = await withSession(io, opts, 'always', (s) => s.call('quality.figures', input));
      io.out(opts.json ? `${JSON.stringify(figures, null, 2)}\n` : formatAudit(figures));
    });
}
