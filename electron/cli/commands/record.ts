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
import { countersignRecord, countersignWithStore, formatReport, makeSignedRecord, RecordRefused, type RecordStoreAccess } from '../../record/service';
import { signRecord } from '../../record/sign';
import { verifyRecord } from '../../record/verify';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import type { RegisterCommands } from './index';

export interface RecordCliDeps {
  /** Opens the store in `dataDir` for record work; the integrator supplies it (see docs/record.md). */
  openStore?: (dataDir: string, io: CliIO) => Promise<RecordStoreAccess & { close?(): void }>;
}

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

async function passphrase(io: CliIO): Promise<string> {
  const fromEnv = io.env.CAREFILE_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (io.interactive) throw new CliError(Exit.USAGE, 'give the passphrase on standard input or in CAREFILE_PASSPHRASE');
  const text = (await io.readStdin()).replace(/\r?\n$/, '');
  if (!text) throw new CliError(Exit.USAGE, 'no passphrase on standard input');
  return text;
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

async function withStore<T>(deps: RecordCliDeps, dataDir: string | undefined, io: CliIO, fn: (s: RecordStoreAccess) => Promise<T>): Promise<T> {
  if (!dataDir) throw new CliError(Exit.USAGE, 'this needs the store: give --data-dir');
  if (!deps.openStore) throw new CliError(Exit.STORE_UNAVAILABLE, 'the evidence store is not available in this build');
  const store = await deps.openStore(dataDir, io);
  try {
    return await fn(store);
  } finally {
    store.close?.();
  }
}

export function makeRegister(deps: RecordCliDeps = {}): RegisterCommands {
  return (program: Command, io: CliIO) => {
    program
      .command('verify')
      .description('Verify a signed PDF record: every signature, what changed after each, and record.json against the page footers. Exit 1 if anything is invalid.')
      .argument('<file>', 'the PDF record')
      .option('--json', 'print the full report as JSON')
      .option('--data-dir <dir>', 'also check that every signer is known to this store')
      .action(async (file: string, opts: { json?: boolean; dataDir?: string }) => {
        const pdf = readInput(file);
        const known = opts.dataDir ? await withStore(deps, opts.dataDir, io, (s) => s.knownCertificates()) : undefined;
        const report = await verifyRecord(pdf, { knownCertificates: known });
        io.out(opts.json ? JSON.stringify(report, null, 2) : formatReport(report, path.basename(file)));
        if (!report.valid) throw new CliError(Exit.CHECK_FAILED, '');
      });

    program
      .command('pdf')
      .description('Make the signed PDF record of an assessment (signing as --user), or add the next signature with --countersign.')
      .argument('[id]', 'assessment id')
      .requiredOption('--out <file>', 'where to write the PDF')
      .option('--countersign <file>', 'add the next signature to this signed record')
      .option('--user <userId>', 'the signing user (passphrase from stdin or CAREFILE_PASSPHRASE)')
      .option('--data-dir <dir>', 'the store')
      .option('--from-bundle <file>', 'developer: compose from an assessment JSON file instead of the store')
      .option('--key <pem>', 'developer: PKCS#8 private key (PEM) instead of the store')
      .option('--cert <pem>', 'developer: X.509 certificate (PEM) instead of the store')
      .option('--name <name>', 'developer: signer name (default: certificate CN)')
      .option('--role <role>', 'developer: signer role (default: assessor)')
      .action(async (id: string | undefined, opts: Record<string, string | undefined>) => {
        const out = opts.out as string;
        const dev = opts.key || opts.cert;
        if (dev && !(opts.key && opts.cert)) throw new CliError(Exit.USAGE, '--key and --cert go together');
        try {
          if (opts.countersign) {
            if (id || opts.fromBundle) throw new CliError(Exit.USAGE, '--countersign takes a PDF, not an assessment id or bundle');
            const pdf = readInput(opts.countersign);
            const signed = dev
              ? await countersignRecord(pdf, fileSigner(opts.key as string, opts.cert as string, opts.name, opts.role))
              : await withStore(deps, opts.dataDir, io, async (s) => countersignWithStore(s, pdf, { userId: requireUser(opts.user), passphrase: await passphrase(io) }));
            writeOutput(out, signed);
          } else if (opts.fromBundle) {
            if (!dev) throw new CliError(Exit.USAGE, '--from-bundle signs with --key and --cert');
            const json = new TextDecoder().decode(readInput(opts.fromBundle));
            const parsed = Assessment.safeParse(JSON.parse(json));
            if (!parsed.success) throw new CliError(Exit.USAGE, `${opts.fromBundle} is not an assessment: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
            const pdf = await composeRecord(parsed.data, {
              findings: [],
              presumption: 'Not given (composed from a file, without the safeguard engine).',
              auditHeadHash: 'none (composed from a file, outside a store)',
              attachments: () => undefined,
              recordJson: json,
            });
            writeOutput(out, await signRecord(pdf, fileSigner(opts.key as string, opts.cert as string, opts.name, opts.role)));
          } else {
            if (!id) throw new CliError(Exit.USAGE, 'give an assessment id, or --countersign FILE');
            const userId = requireUser(opts.user);
            const signed = await withStore(deps, opts.dataDir, io, async (s) => makeSignedRecord(s, { assessmentId: id, userId, passphrase: await passphrase(io) }));
            writeOutput(out, signed);
          }
        } catch (e) {
          if (e instanceof RecordRefused) throw new CliError(Exit.CHECK_FAILED, e.message);
          if (e instanceof SyntaxError) throw new CliError(Exit.USAGE, `not valid JSON: ${e.message}`);
          // The store signals a wrong passphrase with code 'AUTH' (or throws a CliError itself).
          if ((e as { code?: unknown }).code === 'AUTH') throw new CliError(Exit.AUTH, e instanceof Error ? e.message : 'wrong passphrase');
          throw e;
        }
        const written = readFileSync(out);
        io.out(`Wrote ${out} (${written.length} bytes, SHA-256 ${createHash('sha256').update(written).digest('hex')})`);
      });
  };
}

function requireUser(user: string | undefined): string {
  if (!user) throw new CliError(Exit.USAGE, 'give --user, the signing user');
  return user;
}

export const register: RegisterCommands = makeRegister();
