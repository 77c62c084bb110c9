/**
 * `carefile assessment …`: readable verbs for the common workflow channels. Anything else the app
 * can do is `carefile call CHANNEL --input FILE` (./call.ts).
 */
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import { output, withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import { StageId } from '../../../shared/domain/model';
import { reviewOutcomeLabels, stageLabels, statusLabels } from '../../../shared/format/labels';

export function registerWorkflowCommands(program: Command, io: CliIO): void {
  const assessment = program.command('assessment').description('Assessments in the store: list, show, link, advance, depart, review, addendum, sign-addendum.');

  withStoreOptions(assessment.command('list').description('Every assessment, newest change first, with how the young person is treated now. [assessments.list]')).action(
    async (opts: StoreOptionValues) => {
      const rows = await withSession(io, opts, 'always', (s) => s.call('assessments.list', {}));
      output(io, opts, rows, rows.map((r) => `${r.id}  ${r.reference.padEnd(16)} ${r.stage.padEnd(22)} ${r.status.padEnd(15)} ${r.presumption ?? ''}`.trimEnd()).join('\n') || 'No assessments.');
    },
  );

  withStoreOptions(assessment.command('show <id>').description('One assessment, whole, as JSON. [assessments.get]')).action(async (id: string, opts: StoreOptionValues) => {
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.get', { id }));
    io.out(JSON.stringify(a, null, 2));
  });

  withStoreOptions(
    assessment
      .command('link <id>')
      .description(
        'Link a participant (an assessor or manager named on the assessment) to a store user, so that their signature counts (AA-30). Assessors and managers; refused once signed. [assessments.linkParticipant]',
      )
      .requiredOption('--participant <participantId>', 'the participant id on the assessment')
      .requiredOption('--store-user <name>', 'the store user they are (--user is who you are)'),
  ).action(async (id: string, opts: StoreOptionValues & { participant: string; storeUser: string }) => {
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.linkParticipant', { id, participantId: opts.participant, userName: opts.storeUser }));
    const p = a.participants.find((x) => x.id === opts.participant);
    output(io, opts, a, `Linked ${p?.name ?? opts.participant} on ${a.reference} to store user ${opts.storeUser}.`);
  });

  withStoreOptions(
    assessment
      .command('advance <id>')
      .description('Move to the next stage; refused (exit 1) while its gate has a blocking finding. [assessments.advance]')
      .requiredOption('--to <stage>', `the next stage: ${StageId.options.join(', ')}`),
  ).action(async (id: string, opts: StoreOptionValues & { to: string }) => {
    const to = StageId.safeParse(opts.to);
    if (!to.success) throw new CliError(Exit.USAGE, `--to must be one of: ${StageId.options.join(', ')}.`);
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.advance', { id, to: to.data }));
    output(io, opts, a, `${a.reference} is now at the stage "${stageLabels[a.stage]}" (${a.stage}).`);
  });

  withStoreOptions(
    assessment
      .command('review <id>')
      .description("A manager's review: a comment, or a return to the assessors before signing. A manager authorises by signing: record countersign. [assessments.review]")
      .requiredOption('--outcome <outcome>', 'comment or returned')
      .requiredOption('--text <text>', 'the comment'),
  ).action(async (id: string, opts: StoreOptionValues & { outcome: string; text: string }) => {
    if (opts.outcome === 'authorised') {
      throw new CliError(Exit.USAGE, `A manager authorises by signing the record: carefile record countersign --id ${id} --confirm-declaration [--comment TEXT] --out FILE.pdf`);
    }
    if (!['comment', 'returned'].includes(opts.outcome)) throw new CliError(Exit.USAGE, '--outcome must be comment or returned.');
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.review', { id, outcome: opts.outcome as 'comment' | 'returned', text: opts.text }));
    output(io, opts, a, `${a.reference}: ${reviewOutcomeLabels[opts.outcome as 'comment' | 'returned']}. Status: ${statusLabels[a.status]}.`);
  });

  withStoreOptions(
    assessment
      .command('depart <id>')
      .description('Record why a safeguard was not used (HAM v Brent); refused for rules the law allows no departure from. [assessments.recordDeparture]')
      .requiredOption('--rule <AA-nn>', 'the safeguard rule, e.g. AA-29')
      .requiredOption('--reason <text>', 'why, in a sentence or two'),
  ).action(async (id: string, opts: StoreOptionValues & { rule: string; reason: string }) => {
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.recordDeparture', { id, ruleId: opts.rule, reason: opts.reason }));
    output(io, opts, a, `Recorded a departure from ${opts.rule} on ${a.reference}.`);
  });

  withStoreOptions(
    assessment
      .command('acknowledge <id>')
      .description('Answer a warning open on the assessment with a note (printed in the record); signing waits until every open warning is answered. [assessments.acknowledgeWarning]')
      .requiredOption('--rule <AA-nn>', 'the rule whose warning this answers, e.g. AA-21')
      .requiredOption('--note <text>', 'why it does not change the assessment, or what was done, in plain words'),
  ).action(async (id: string, opts: StoreOptionValues & { rule: string; note: string }) => {
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.acknowledgeWarning', { id, ruleId: opts.rule, note: opts.note }));
    output(io, opts, a, `Answered the ${opts.rule} warning on ${a.reference}.`);
  });

  withStoreOptions(
    assessment
      .command('addendum <id>')
      .description('Add a correction to a signed assessment; sign it next with sign-addendum. [assessments.addAddendum]')
      .requiredOption('--text <text>', 'the correction'),
  ).action(async (id: string, opts: StoreOptionValues & { text: string }) => {
    const a = await withSession(io, opts, 'always', (s) => s.call('assessments.addAddendum', { id, text: opts.text }));
    output(io, opts, a, `Added addendum ${a.addenda[a.addenda.length - 1]?.id ?? ''} to ${a.reference}.`);
  });

  withStoreOptions(
    assessment
      .command('sign-addendum <id>')
      .description('Sign an addendum you wrote, with your own passphrase (the one you unlock with). [assessments.signAddendum]')
      .requiredOption('--addendum <addendumId>', 'the addendum id'),
  ).action(async (id: string, opts: StoreOptionValues & { addendum: string }) => {
    const a = await withSession(io, opts, 'always', (s) => {
      if (s.credential?.kind !== 'passphrase') throw new CliError(Exit.AUTH, 'An addendum is signed with your own passphrase, not the recovery key.');
      return s.call('assessments.signAddendum', { id, addendumId: opts.addendum, passphrase: s.credential.passphrase });
    });
    output(io, opts, a, `Signed addendum ${opts.addendum} on ${a.reference}.`);
  });
}
