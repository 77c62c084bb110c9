/**
 * Assessment verbs: check, lint-text, import, export (docs/cli.md, "Assessment verbs"). `check FILE`
 * and `lint-text` run the shared rules on a file; everything touching the store goes through a channel.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import type { Assessment } from '../../../shared/domain/model';
// Types only at the top: each verb imports what it runs (the bundle parser and the safeguards for
// `check`, the wording checker for `lint-text`), so one verb does not load the others' modules.
import type { BundleError } from '../../../shared/bundle/index';
import type { Finding, Thresholds } from '../../../shared/safeguards/index';

function readInput(file: string | undefined, io: CliIO): Promise<string> {
  if (file === undefined || file === '-') return io.readStdin();
  try {
    return Promise.resolve(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(Exit.USAGE, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function reportBundleErrors(io: CliIO, file: string, errors: readonly BundleError[], json: boolean): never {
  if (json) io.out(JSON.stringify({ file, valid: false, errors }));
  else {
    io.err(`${file}: not a valid assessment bundle (${errors.length} error${errors.length === 1 ? '' : 's'}):`);
    for (const e of errors) io.err(`  ${e.path || '(document)'}: ${e.message}`);
  }
  throw new CliError(Exit.USAGE, '');
}

function label(f: Finding): string {
  if (f.departure) return 'DEPARTURE';
  return f.severity === 'block' ? 'BLOCK' : 'WARN';
}

function printFindings(io: CliIO, a: Assessment, findings: readonly Finding[], presumptionStatus: string): void {
  io.out(`${a.reference}: ${presumptionStatus}`);
  for (const f of findings) {
    io.out(`${label(f).padEnd(9)} ${f.ruleId}  ${f.path ?? ''}`.trimEnd());
    io.out(`          ${f.message}`);
    if (f.departure) io.out(`          departure recorded by ${f.departure.recordedBy}: ${f.departure.reason}`);
    else io.out(`          remedy: ${f.remedy}`);
  }
  const block = findings.filter((f) => f.severity === 'block').length;
  const deps = findings.filter((f) => f.departure).length;
  io.out(`${block} blocking, ${findings.length - block - deps} warning${findings.length - block - deps === 1 ? '' : 's'}, ${deps} departure${deps === 1 ? '' : 's'}.`);
}

function thresholdsFrom(opts: Record<string, string | undefined>): Partial<Thresholds> {
  const t: Partial<Thresholds> = {};
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new CliError(Exit.USAGE, `--${name} must be a whole number, not "${v}"`);
    return n;
  };
  const set = <K extends keyof Thresholds>(k: K, name: string) => {
    const n = num(name, opts[k]);
    if (n !== undefined) t[k] = n;
  };
  set('restHoursAfterArrival', 'rest-hours');
  set('maxMinutesWithoutBreak', 'max-minutes-without-break');
  set('minSessions', 'min-sessions');
  set('decisionDays', 'decision-days');
  return t;
}

export function registerAssessmentCommands(program: Command, io: CliIO): void {
  withStoreOptions(program.command('check'))
    .description('Check an assessment (bundle file, or id in the store) against the safeguards; exit 1 on any blocking finding, 2 on an invalid bundle')
    .argument('<target>', 'FILE.json (an assessment bundle) or an assessment id')
    .option('--now <instant>', 'evaluate as at this ISO instant (default: now)')
    .option('--rest-hours <n>', 'AA-11: hours of rest after arrival (default 48)')
    .option('--max-minutes-without-break <n>', 'AA-14: longest stretch without a break (default 60)')
    .option('--min-sessions <n>', 'AA-14: fewest sessions (default 2)')
    .option('--decision-days <n>', 'AA-29: days to a decision (default 28)')
    .action(async (target: string, opts: StoreOptionValues & { now?: string; restHours?: string; maxMinutesWithoutBreak?: string; minSessions?: string; decisionDays?: string }) => {
      const now = opts.now ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(now))) throw new CliError(Exit.USAGE, `--now must be an ISO instant, not "${now}"`);
      const thresholds = thresholdsFrom({
        restHoursAfterArrival: opts.restHours,
        maxMinutesWithoutBreak: opts.maxMinutesWithoutBreak,
        minSessions: opts.minSessions,
        decisionDays: opts.decisionDays,
      });
      const [{ parseBundle }, { evaluate, presumption }] = await Promise.all([import('../../../shared/bundle/index'), import('../../../shared/safeguards/index')]);
      let a: Assessment;
      if (target === '-' || existsSync(target) || target.endsWith('.json')) {
        const r = parseBundle(await readInput(target, io));
        if (!r.ok) reportBundleErrors(io, target, r.errors, Boolean(opts.json));
        a = r.bundle.assessment;
      } else {
        // The stored assessment comes through the handler map; the rules run here with the options given.
        a = await withSession(io, opts, 'always', (s) => s.call('assessments.get', { id: target }));
      }
      const findings = evaluate(a, { now, thresholds });
      const blockingCount = findings.filter((f) => f.severity === 'block').length;
      if (opts.json) {
        io.out(JSON.stringify({ id: a.id, reference: a.reference, stage: a.stage, presumption: presumption(a, now).status, blocking: blockingCount, findings }));
      } else printFindings(io, a, findings, presumption(a, now).status);
      if (blockingCount > 0) throw new CliError(Exit.CHECK_FAILED, '');
    });

  program
    .command('lint-text')
    .description('Check plain text for victim-blaming, doubt-laden and burden-shifting wording (seven families); exit 1 when anything is flagged')
    .argument('[file]', 'a text file, or - for standard input (default)')
    .option('--json', 'print {"findings":[{start,end,text,category,family,suggestion,reason,rule}]}')
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      const [text, { checkWording, familyInfo }] = await Promise.all([readInput(file, io), import('../../../shared/language/index')]);
      const findings = checkWording(text);
      if (opts.json) {
        io.out(JSON.stringify({ findings: findings.map(({ start, end, text: t, category, family, suggestion, reason, rule }) => ({ start, end, text: t, category, family, suggestion, reason, rule })) }));
      } else {
        const lineStarts = [0];
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
        for (const f of findings) {
          let line = lineStarts.length - 1;
          while (lineStarts[line]! > f.start) line--;
          io.out(`${line + 1}:${f.start - lineStarts[line]! + 1}  ${f.category}  "${f.text}"  ${f.rule}  (${familyInfo[f.family].name})`);
          io.out(`    suggest: ${f.suggestion}`);
          io.out(`    why: ${f.reason}`);
        }
        io.out(`${findings.length} finding${findings.length === 1 ? '' : 's'}.`);
      }
      if (findings.length > 0) throw new CliError(Exit.CHECK_FAILED, '');
    });

  withStoreOptions(program.command('export'))
    .description('Export one assessment as a bundle signed with your own key; refused while a blocking safeguard finding stands. [assessments.exportBundle]')
    .argument('<id>', 'assessment id')
    .requiredOption('--out <file>', 'where to write the bundle (- for standard output)')
    .option('--with-attachments', 'carry attachment bytes as base64')
    .action(async (id: string, opts: StoreOptionValues & { out: string; withAttachments?: boolean }) => {
      const { json } = await withSession(io, opts, 'always', (s) => s.call('assessments.exportBundle', { id, withAttachments: opts.withAttachments }));
      if (opts.out === '-') io.out(json);
      else {
        // Write beside, then rename: a failed export never leaves half a file.
        const tmp = `${opts.out}.partial`;
        writeFileSync(tmp, json, { mode: 0o600 });
        chmodSync(tmp, 0o600); // the mode above applies only when the file is created (a leftover .partial keeps its own)
        renameSync(tmp, opts.out);
        io.out(`exported ${id} to ${opts.out}`);
      }
    });
}
