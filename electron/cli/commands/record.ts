/**
 * Record verbs: `verify` (no store needed; with credentials it also names the signers this store
 * knows) and `pdf` (sign, or countersign). Both go through record.* channels.
 * The developer path without a store moved to scripts/dev-record.ts.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { machineFaultError } from '../../api/errors';
import path from 'node:path';
import type { Command } from 'commander';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession, type CliSession } from '../session';
import { formatReport } from '../format-report';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import type { RegisterCommands } from './types';
import { declarations } from '../../../shared/domain/declaration';
import { signerRoleLabels } from '../../../shared/format/labels';

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(Exit.USAGE, `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Writes beside the target and renames, so a failure never leaves half a PDF. Owner-only (0600),
 * like every other file Carefile writes: a signed record is the child's whole assessment.
 */
function writeOutput(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 });
    // The mode above applies only when the file is created; a leftover temp file keeps its own.
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    // A full disk or a read-only folder is the machine's fault: exit 4 in plain words (electron/cli/main.ts).
    if (machineFaultError(e)) throw e;
    throw new CliError(Exit.USAGE, `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The passphrase the user unlocked with: it also unwraps their signing key. */
function signingPassphrase(s: CliSession): string {
  if (s.credential?.kind !== 'passphrase') throw new CliError(Exit.AUTH, 'a record is signed with your own passphrase, not the recovery key');
  return s.credential.passphrase;
}

/** What a signer confirms (shared/domain/declaration.ts), shown in --help and when the flag is missing. */
export const declarationHelp =
  `\nSigning asks you to confirm the declaration printed beside your signature in the record (--confirm-declaration):\n` +
  `  As an assessor: ${declarations.assessor}\n  As a manager: ${declarations.manager}\n`;

/** The signer's confirmation, or a usage error that shows them what they would be confirming. */
export function confirmedDeclaration(opts: { confirmDeclaration?: boolean }): true {
  if (opts.confirmDeclaration === true) return true;
  throw new CliError(Exit.USAGE, `a record is signed only with --confirm-declaration, confirming:${declarationHelp.replace(/^.*\n/, '\n')}`);
}

export const register: RegisterCommands = (program: Command, io: CliIO) => {
  withStoreOptions(program.command('verify'))
    .description('Verify a signed PDF record: every signature, what changed after each, and record.json against the page footers. Exit 1 if anything is invalid. [record.verify]')
    .argument('<file>', 'the PDF record')
    .addHelpText('after', '\nWithout --user (or CAREFILE_USER) it needs no store. With it, the store is unlocked and every signer must be one of its users.')
    .action(async (file: string, opts: StoreOptionValues) => {
      const pdf = readInput(file);
      const report = await withSession(io, opts, 'if-credentials', (s) => s.call('record.verify', { pdfBase64: pdf.toString('base64') }));
      io.out(opts.json ? JSON.stringify(report, null, 2) : formatReport(report, path.basename(file)));
      if (!report.valid) throw new CliError(Exit.CHECK_FAILED, '');
    });

  withStoreOptions(program.command('pdf'))
    .description('Make the signed PDF record of an assessment (signing as --user), or add the next signature with --countersign. [record.sign, record.countersign]')
    .argument('[id]', 'assessment id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--countersign <file>', 'add the next signature to this signed record')
    .option('--confirm-declaration', 'confirm the signer\'s declaration printed beside your signature (required)')
    .addHelpText('after', declarationHelp)
    .action(async (id: string | undefined, opts: StoreOptionValues & { out: string; countersign?: string; confirmDeclaration?: boolean }) => {
      if (opts.countersign && id) throw new CliError(Exit.USAGE, '--countersign takes a PDF, not an assessment id');
      if (!opts.countersign && !id) throw new CliError(Exit.USAGE, 'give an assessment id, or --countersign FILE');
      const declaration = confirmedDeclaration(opts);
      const before = opts.countersign ? readInput(opts.countersign) : undefined;
      const signed = await withSession(io, opts, 'always', (s) =>
        before
          ? s.call('record.countersign', { pdfBase64: before.toString('base64'), passphrase: signingPassphrase(s), declaration })
          : s.call('record.sign', { id: id!, passphrase: signingPassphrase(s), declaration }),
      );
      const bytes = Buffer.from(signed.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, SHA-256 ${createHash('sha256').update(bytes).digest('hex')})`);
    });

  // The record kept with the assessment in the store (record.get, record.preview, record.countersign --id).
  const record = program.command('record').description('The signed record kept with an assessment in the store: get it, preview it unsigned, sign it, countersign it.');

  withStoreOptions(record.command('get'))
    .description('Write the latest signed record kept with an assessment, and say who has signed it and who signs next. [record.get]')
    .argument('<id>', 'assessment id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (id: string, opts: StoreOptionValues & { out: string }) => {
      const kept = await withSession(io, opts, 'always', (s) => s.call('record.get', { id }));
      const bytes = Buffer.from(kept.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      if (opts.json) {
        const { pdfBase64: _pdf, ...rest } = kept;
        io.out(JSON.stringify({ ...rest, out: opts.out }, null, 2));
        return;
      }
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, SHA-256 ${kept.sha256}), ${kept.signatures} signature${kept.signatures === 1 ? '' : 's'}.`);
      for (const x of kept.signedBy) io.out(`Signed by ${x.name} (${signerRoleLabels[x.role].toLowerCase()}) on ${x.signedOn}`);
      io.out(kept.next.length ? `Next to sign: ${kept.next.map((x) => `${x.name} (${signerRoleLabels[x.role].toLowerCase()})`).join(' or ')}` : 'Nobody else is to sign.');
    });

  withStoreOptions(record.command('preview'))
    .description('Write the record of an assessment as it stands, unsigned (its cover says it is not the signed record). [record.preview]')
    .argument('<id>', 'assessment id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (id: string, opts: StoreOptionValues & { out: string }) => {
      const preview = await withSession(io, opts, 'always', (s) => s.call('record.preview', { id }));
      const bytes = Buffer.from(preview.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, unsigned preview)`);
    });

  withStoreOptions(record.command('sign'))
    .description('Make the record of an assessment and add its first signature; the store keeps it with the assessment. [record.sign]')
    .argument('<id>', 'assessment id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--confirm-declaration', "confirm the signer's declaration printed beside your signature (required)")
    .addHelpText('after', declarationHelp)
    .action(async (id: string, opts: StoreOptionValues & { out: string; confirmDeclaration?: boolean }) => {
      const declaration = confirmedDeclaration(opts);
      const signed = await withSession(io, opts, 'always', (s) => s.call('record.sign', { id, passphrase: signingPassphrase(s), declaration }));
      const bytes = Buffer.from(signed.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, SHA-256 ${signed.sha256}); the store keeps it with the assessment.`);
    });

  withStoreOptions(record.command('countersign'))
    .description("Add your signature to the record kept with an assessment (--id) or to a PDF (--file, which must be the one kept); a manager's signature authorises it. [record.countersign]")
    .option('--id <id>', 'the assessment whose kept record you sign')
    .option('--file <file>', 'a signed record PDF')
    .option('--comment <text>', "a manager's comment on authorising, printed in the signature's update")
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--confirm-declaration', "confirm the signer's declaration printed beside your signature (required)")
    .addHelpText('after', declarationHelp)
    .action(async (opts: StoreOptionValues & { id?: string; file?: string; comment?: string; out: string; confirmDeclaration?: boolean }) => {
      if ((opts.id === undefined) === (opts.file === undefined)) throw new CliError(Exit.USAGE, 'give --id ID or --file FILE, one of them');
      const declaration = confirmedDeclaration(opts);
      const file = opts.file ? readInput(opts.file) : undefined;
      const signed = await withSession(io, opts, 'always', (s) =>
        s.call('record.countersign', {
          ...(file ? { pdfBase64: file.toString('base64') } : { id: opts.id! }),
          passphrase: signingPassphrase(s),
          declaration,
          ...(opts.comment !== undefined ? { comment: opts.comment } : {}),
        }),
      );
      const bytes = Buffer.from(signed.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, SHA-256 ${signed.sha256}); the store keeps it with the assessment.`);
    });
};
