/**
 * `carefile assessment reopen|overturned`: reopening a decided assessment on new information
 * (AA-37) and recording a decision overturned by a court, tribunal or review (AA-43).
 * Registered after ./assessment-workflow.ts, under its `assessment` command.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import { output, withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import { NewInformationKind, OverturnedByKind } from '../../../shared/domain/model';

function choice<T extends string>(flag: string, value: string, options: readonly T[]): T {
  if (!(options as readonly string[]).includes(value)) throw new CliError(Exit.USAGE, `${flag} must be one of: ${options.join(', ')}.`);
  return value as T;
}

export function registerReassessmentCommands(program: Command, io: CliIO): void {
  const assessment = program.commands.find((c) => c.name() === 'assessment') ?? program.command('assessment');

  withStoreOptions(
    assessment
      .command('reopen <id>')
      .description(
        'Reopen a decided assessment on significant new information (AA-37): a linked reassessment starts from its evidence, and it is marked reassessed. Assessors and managers. [assessments.reopen]',
      )
      .requiredOption('--kind <kind>', `what arrived: ${NewInformationKind.options.join(', ')}`)
      .requiredOption('--description <text>', 'what the new information is, in a sentence or two')
      .requiredOption('--received <YYYY-MM-DD>', 'when it arrived (on or after the decision)'),
  ).action(async (id: string, opts: StoreOptionValues & { kind: string; description: string; received: string }) => {
    const kind = choice('--kind', opts.kind, NewInformationKind.options);
    const r = await withSession(io, opts, 'always', (s) => s.call('assessments.reopen', { id, kind, description: opts.description, receivedOn: opts.received }));
    output(io, opts, r, `Reopened ${r.earlier.reference}: its reassessment is ${r.reassessment.reference} (${r.reassessment.id}).`);
  });

  withStoreOptions(
    assessment
      .command('overturned <id>')
      .description('Record that a court, tribunal or review changed a decided outcome (AA-43). Managers. [assessments.recordOverturned]')
      .requiredOption('--by <kind>', `who changed it: ${OverturnedByKind.options.join(', ')}`)
      .requiredOption('--body <name>', 'which court, tribunal or body, e.g. "Upper Tribunal (IAC)"')
      .requiredOption('--on <YYYY-MM-DD>', 'the date of the judgment or review')
      .requiredOption('--outcome <outcome>', 'the new outcome: child or adult')
      .option('--dob <YYYY-MM-DD>', 'the date of birth it declared')
      .option('--case-reference <ref>', 'its case number or reference')
      .requiredOption('--reason <text>', 'why, as the judgment or review gives it'),
  ).action(
    async (
      id: string,
      opts: StoreOptionValues & { by: string; body: string; on: string; outcome: string; dob?: string; caseReference?: string; reason: string },
    ) => {
      const by = choice('--by', opts.by, OverturnedByKind.options);
      const outcome = choice('--outcome', opts.outcome, ['child', 'adult'] as const);
      const a = await withSession(io, opts, 'always', (s) =>
        s.call('assessments.recordOverturned', {
          id,
          by,
          body: opts.body,
          on: opts.on,
          newOutcome: { outcome, ...(opts.dob ? { dateOfBirth: opts.dob } : {}) },
          ...(opts.caseReference ? { caseReference: opts.caseReference } : {}),
          reason: opts.reason,
        }),
      );
      output(io, opts, a, `Recorded ${a.reference} as overturned by ${opts.body} on ${opts.on}: now ${outcome}.`);
    },
  );
}
