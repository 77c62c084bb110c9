/**
 * Record verbs: `verify` (no store needed), `pdf` (make and sign, or countersign). The store is
 * reached through `RecordCliDeps.openStore`, so the verbs are wired to it in one place; without it
 * the store-backed forms say so and exit 4, and the developer forms (--key/--cert) still work.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Assessment } from '../../../shared/domain/model';
import { composeRecord } from '../../record/compose';
import { countersignRecord, formatReport, RecordRefused } from '../../record/service';
import { countersignStoredRecord, knownSigners, signStoredAssessment } from '../../record/store-access';
import { withStoreOptions, withUnlockedStore, toCliError, type StoreOptionValues } from '../store-options';
import type { Credential } from '../../store/lifecycle';
import { signRecord } from '../../record/sign';
import { verifyRecord } from '../../record/verify';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import type { RegisterCommands } from './index';

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new CliError(Exit.USAGE, `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Writes beside the target and renames, so a failure never leaves half a PDF. */
function writeOutput(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (e) {
    throw new CliError(Exit.USAGE, `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A developer signer from PEM files (the store holds the real ones). */
function fileSigner(keyFile: string, certFile: string, name?: string, role?: string) {
  try {
    const privateKey = createPrivateKey(readFileSync(keyFile));
    const cert = new X509Certificate(readFileSync(certFile));
    const certificateDer = new Uint8Array(cert.raw);
    const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
    return { privateKey, certificateDer, name: name ?? cn ?? 'unknown', role: role ?? 'assessor' };
  } catch (e) {
    throw new CliError(Exit.USAGE, `cannot load the key or certificate: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The passphrase the user unlocked with: it also unwraps their signing key. */
function signingPassphrase(credential: Credential): string {
  if (credential.kind !== 'passphrase') throw new CliError(Exit.AUTH, 'a record is signed with your own passphrase, not the recovery key');
  return credential.passphrase;
}

export function makeRegister(): RegisterCommands {
  return (program: Command, io: CliIO) => {
    withStoreOptions(program.command('verify'))
      .description('Verify a signed PDF record: every signature, what changed after each, and record.json against the page footers. Exit 1 if anything is invalid.')
      .argument('<file>', 'the PDF record')
      .addHelpText('after', '\nWithout --user (or CAREFILE_USER) it needs no store. With it, the store is unlocked and every signer must be one of its users.')
      .action(async (file: string, opts: StoreOptionValues) => {
        const pdf = readInput(file);
        const withSigners = Boolean(opts.user ?? io.env.CAREFILE_USER ?? opts.recoveryKeyFile);
        const known = withSigners ? await withUnlockedStore(io, opts, (s) => knownSigners(s)).catch((e: unknown) => { throw toCliError(e); }) : undefined;
        const report = await verifyRecord(pdf, { knownCertificates: known });
        io.out(opts.json ? JSON.stringify(report, null, 2) : formatReport(report, path.basename(file)));
        if (!report.valid) throw new CliError(Exit.CHECK_FAILED, '');
      });

    withStoreOptions(program.command('pdf'))
      .description('Make the signed PDF record of an assessment (signing as --user), or add the next signature with --countersign.')
      .argument('[id]', 'assessment id')
      .requiredOption('--out <file>', 'where to write the PDF')
      .option('--countersign <file>', 'add the next signature to this signed record')
      .option('--from-bundle <file>', 'developer: compose from an assessment JSON file instead of the store')
      .option('--key <pem>', 'developer: PKCS#8 private key (PEM) instead of the store')
      .option('--cert <pem>', 'developer: X.509 certificate (PEM) instead of the store')
      .option('--name <name>', 'developer: signer name (default: certificate CN)')
      .option('--role <role>', 'developer: signer role (default: assessor)')
      .action(async (id: string | undefined, opts: StoreOptionValues & Record<string, string | undefined>) => {
        const out = opts.out as string;
        const dev = opts.key || opts.cert;
        if (dev && !(opts.key && opts.cert)) throw new CliError(Exit.USAGE, '--key and --cert go together');
        try {
          if (opts.countersign) {
            if (id || opts.fromBundle) throw new CliError(Exit.USAGE, '--countersign takes a PDF, not an assessment id or bundle');
            const pdf = readInput(opts.countersign);
            const signed = dev
              ? await countersignRecord(pdf, fileSigner(opts.key as string, opts.cert as string, opts.name, opts.role))
              : await withUnlockedStore(io, opts, (s, credential) => countersignStoredRecord(s, pdf, signingPassphrase(credential)));
            writeOutput(out, signed);
          } else if (opts.fromBundle) {
            if (!dev) throw new CliError(Exit.USAGE, '--from-bundle signs with --key and --cert');
            const json = new TextDecoder().decode(readInput(opts.fromBundle));
            const parsed = Assessment.safeParse(JSON.parse(json));
            if (!parsed.success) throw new CliError(Exit.USAGE, `${opts.fromBundle} is not an assessment: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
            const signer = fileSigner(opts.key as string, opts.cert as string, opts.name, opts.role);
            const now = new Date();
            const pdf = await composeRecord(
              parsed.data,
              {
                findings: [],
                presumption: 'Not given (composed from a file, without the safeguard engine).',
                auditHeadHash: 'none (composed from a file, outside a store)',
                attachments: () => undefined,
                recordJson: json,
              },
              // The body names the signer and time, as makeSignedRecord does for the store path.
              { now, signing: { name: signer.name, role: signer.role, at: now } },
            );
            writeOutput(out, await signRecord(pdf, signer, { now }));
          } else {
            if (!id) throw new CliError(Exit.USAGE, 'give an assessment id, or --countersign FILE');
            const signed = await withUnlockedStore(io, opts, (s, credential) => signStoredAssessment(s, id, signingPassphrase(credential)));
            writeOutput(out, signed);
          }
        } catch (e) {
          if (e instanceof RecordRefused) throw new CliError(Exit.CHECK_FAILED, e.message);
          if (e instanceof SyntaxError) throw new CliError(Exit.USAGE, `not valid JSON: ${e.message}`);
          throw toCliError(e);
        }
        const written = readFileSync(out);
        io.out(`Wrote ${out} (${written.length} bytes, SHA-256 ${createHash('sha256').update(written).digest('hex')})`);
      });
  };
}

export const register: RegisterCommands = makeRegister();
