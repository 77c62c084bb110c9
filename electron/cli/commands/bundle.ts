/**
 * Bundle verbs (docs/cli.md, "Bundles"): `import FILE|DIR…` for a team's signed bundles, and
 * `bundle trust|signers|versions`. Everything goes through the bundles.* channels; the files are
 * sent in chunks so that a terminal shows progress between calls, as the app's import panel does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError, Exit } from '../exit';
import type { CliIO } from '../io';
import { withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import type { BundleOutcome, ImportSummary } from '../../../shared/contract/bundle';

/** Bundles per call: small enough for a lively progress line, large enough to commit in groups. */
const CHUNK_FILES = 50;
/** …and never more text than this per call. */
const CHUNK_CHARS = 64 * 1024 * 1024;

/** The files named, with each folder's `*.json` files (recursively, in name order). */
export function bundleFiles(targets: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of targets) {
    let isDir: boolean;
    try {
      isDir = statSync(t).isDirectory();
    } catch (err) {
      throw new CliError(Exit.USAGE, `cannot read ${t}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!isDir) out.push(t);
    else {
      const found = (readdirSync(t, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
      out.push(...found.map((f) => join(t, f)));
    }
  }
  if (out.length === 0) throw new CliError(Exit.USAGE, 'no bundle files found (a folder is searched for *.json files)');
  return out;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(Exit.USAGE, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function* chunks(files: readonly string[]): Generator<Array<{ name: string; json: string }>> {
  let chunk: Array<{ name: string; json: string }> = [];
  let chars = 0;
  for (const file of files) {
    const json = readText(file);
    if (chunk.length > 0 && (chunk.length >= CHUNK_FILES || chars + json.length > CHUNK_CHARS)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push({ name: file, json });
    chars += json.length;
  }
  if (chunk.length) yield chunk;
}

function printResult(io: CliIO, r: BundleOutcome): void {
  const what = r.reference ? `${r.reference} (${r.id}) from ${r.file}` : r.file;
  io.out(`${r.outcome.padEnd(10)} ${what}`);
  if (r.signer) io.out(`  signed by "${r.signer.subject}"${r.signer.who ? `: ${r.signer.who}` : ''}; SHA-256 ${r.signer.certificateSha256}`);
  if (r.acceptedUnsigned) io.out('  unsigned: accepted by an administrator (audited)');
  if (r.reason) io.out(`  ${r.outcome === 'refused' ? 'why' : 'note'}: ${r.reason}`);
  for (const e of r.errors ?? []) io.out(`    ${e.path || '(document)'}: ${e.message}`);
  for (const n of r.notTrusted) io.out(`  not trusted: ${n.what}: ${n.why}`);
}

export function summaryLine(s: ImportSummary): string {
  return `${s.imported} imported, ${s.unchanged} unchanged, ${s.superseded} superseded, ${s.refused} refused.`;
}

export function registerBundleCommands(program: Command, io: CliIO): void {
  withStoreOptions(program.command('import'))
    .description(
      'Import signed assessment bundles (files, or folders of *.json). Each is checked whole (signature, signer, content) and written whole or not at all; one refused bundle does not stop the others. Exit 2 when any was refused. [bundles.import]',
    )
    .argument('<files...>', 'bundle files or folders')
    .option('--record <pdf...>', 'signed PDF records that prove the signatures the bundles claim')
    .option('--accept-unsigned', 'administrators: accept unsigned bundles (each acceptance is audited)')
    .action(async (targets: string[], opts: StoreOptionValues & { record?: string[]; acceptUnsigned?: boolean }) => {
      const files = bundleFiles(targets);
      const records = (opts.record ?? []).map((f) => {
        try {
          return readFileSync(f).toString('base64');
        } catch {
          throw new CliError(Exit.USAGE, `cannot read ${f}`);
        }
      });
      const results: BundleOutcome[] = [];
      const summary: ImportSummary = { imported: 0, unchanged: 0, superseded: 0, refused: 0 };
      await withSession(io, opts, 'always', async (s) => {
        io.progress?.(`importing 0/${files.length}`);
        try {
          for (const chunk of chunks(files)) {
            const r = await s.call('bundles.import', { bundles: chunk, records: records.length ? records : undefined, acceptUnsigned: opts.acceptUnsigned || undefined });
            results.push(...r.results);
            for (const k of Object.keys(summary) as Array<keyof ImportSummary>) summary[k] += r.summary[k];
            io.progress?.(`importing ${results.length}/${files.length}: ${summaryLine(summary)}`);
          }
        } finally {
          io.progress?.('');
        }
      });
      if (opts.json) io.out(JSON.stringify({ results, summary }, null, 2));
      else {
        for (const r of results) printResult(io, r);
        io.out(summaryLine(summary));
      }
      if (summary.refused > 0) throw new CliError(Exit.USAGE, '');
    });

  const bundle = program.command('bundle').description('Signed bundles: trusted signers and the versions an import kept');

  withStoreOptions(bundle.command('trust'))
    .description("Administrators: trust the certificate that signed FILE, for bundles from someone who is not a user of this store; give the fingerprint you checked with its owner (audited). [bundles.trustSigner]")
    .argument('<file>', 'a bundle signed with that certificate')
    .requiredOption('--fingerprint <sha256>', "the certificate's SHA-256, as the refused import showed it")
    .action(async (file: string, opts: StoreOptionValues & { fingerprint: string }) => {
      const json = readText(file);
      const t = await withSession(io, opts, 'always', (s) => s.call('bundles.trustSigner', { bundle: { name: file, json }, fingerprint: opts.fingerprint.toLowerCase() }));
      if (opts.json) io.out(JSON.stringify(t));
      else io.out(`trusted "${t.subject}" (SHA-256 ${t.certificateSha256}) for signed bundles`);
    });

  withStoreOptions(bundle.command('signers'))
    .description('The certificates trusted for signed bundles besides those of this store’s users. [bundles.signers]')
    .action(async (opts: StoreOptionValues) => {
      const { signers } = await withSession(io, opts, 'always', (s) => s.call('bundles.signers', {}));
      if (opts.json) return io.out(JSON.stringify({ signers }));
      for (const t of signers) io.out(`${t.certificateSha256}  "${t.subject}"  trusted by ${t.addedBy} on ${t.addedOn}`);
      io.out(`${signers.length} trusted signer${signers.length === 1 ? '' : 's'}.`);
    });

  withStoreOptions(bundle.command('versions'))
    .description('The earlier versions of an assessment that imports superseded; with --version N, that version as JSON. [bundles.versions]')
    .argument('<id>', 'assessment id')
    .option('--version <n>', 'print this version whole')
    .action(async (id: string, opts: StoreOptionValues & { version?: string }) => {
      const version = opts.version === undefined ? undefined : Number(opts.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new CliError(Exit.USAGE, `--version must be a whole number from 1, not "${opts.version}"`);
      const r = await withSession(io, opts, 'always', (s) => s.call('bundles.versions', { id, ...(version === undefined ? {} : { version }) }));
      if (r.assessment) return io.out(JSON.stringify(r.assessment, null, 2));
      if (opts.json) return io.out(JSON.stringify(r));
      for (const v of r.versions) io.out(`version ${v.version}  updated ${v.updatedOn}  superseded ${v.supersededOn}`);
      io.out(`${r.versions.length} earlier version${r.versions.length === 1 ? '' : 's'} kept.`);
    });
}
