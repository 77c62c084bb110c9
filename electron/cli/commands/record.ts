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
    .action(async (id: string | undefined, opts: StoreOptionValues & { out: string; countersign?: string }) => {
      if (opts.countersign && id) throw new CliError(Exit.USAGE, '--countersign takes a PDF, not an assessment id');
      if (!opts.countersign && !id) throw new CliError(Exit.USAGE, 'give an assessment id, or --countersign FILE');
      const before = opts.countersign ? readInput(opts.countersign) : undefined;
      const signed = await withSession(io, opts, 'always', (s) =>
        before
          ? s.call('record.countersign', { pdfBase64: before.toString('base64'), passphrase: signingPassphrase(s) })
          : s.call('record.sign', { id: id!, passphrase: signingPassphrase(s) }),
      );
      const bytes = Buffer.from(signed.pdfBase64, 'base64');
      writeOutput(opts.out, bytes);
      io.out(`Wrote ${opts.out} (${bytes.length} bytes, SHA-256 ${createHash('sha256').update(bytes).digest('hex')})`);
    });
};
