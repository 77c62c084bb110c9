/** Store verbs (docs/cli.md, "Store verbs"): each parses its options, calls a channel, formats the answer. */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import { credentialFrom, firstLine, output, readSecret, resolveDataDir, userName, withStoreOptions, type StoreOptionValues } from '../store-options';
import { cliErrorOf, hasCredentials, withSession } from '../session';
import { revealDataKey } from '../../api/records-officer';
import { registerUserCommands } from './store-users';

/** The backups folder of a store, where `store.backup` writes and `store.restore` reads. */
const backupsDir = (dataDir: string) => join(dataDir, 'backups');

export function registerStoreCommands(program: Command, io: CliIO): void {
  withStoreOptions(
    program
      .command('init')
      .description('Create a new encrypted store and its first administrator; prints the recovery key once. [store.init]')
      .option('--display-name <text>', "the administrator's name as shown on records (default: the user name)"),
  ).action(async (opts: StoreOptionValues & { displayName?: string }) => {
    const adminName = userName(io, opts);
    const passphrase = await readSecret(io, {
      file: opts.passphraseFile,
      envName: 'CAREFILE_PASSPHRASE',
      prompt: `New passphrase for ${adminName} (at least 12 characters): `,
      what: 'passphrase',
      confirm: true,
    });
    await withSession(io, opts, 'never', async (s) => {
      const { recoveryKey, storeId } = await s.call('store.init', { adminName, passphrase, adminDisplayName: opts.displayName });
      const groups = recoveryKey.split('-');
      output(
        io,
        opts,
        { dataDir: s.dataDir, storeId, admin: adminName, recoveryKey },
        [
          `Created a Carefile store in ${s.dataDir} with administrator ${adminName}.`,
          '',
          'RECOVERY KEY: shown this once. Write it down and keep it locked away, apart from this computer.',
          '',
          `    ${groups.slice(0, 4).join('-')}`,
          `    ${groups.slice(4).join('-')}`,
          '',
          'It opens the store if every passphrase is forgotten. Anyone who holds it can read everything.',
        ].join('\n'),
      );
    });
  });

  registerUserCommands(program, io);

  const key = program.command('key').description('The data key, for records officers.');
  withStoreOptions(
    key
      .command('reveal')
      .description(
        "Print the raw data key in the form SQLCipher's PRAGMA key takes (needs the recovery key or an administrator's passphrase; audited). CLI only, no channel: see docs/decisions/0005. See docs/recovery.md.",
      ),
  ).action(async (opts: StoreOptionValues) => {
    await withSession(io, opts, 'always', async (s) => {
      const r = await revealDataKey(s.ctx);
      if (!r.ok) throw cliErrorOf(r.error);
      const literal = r.value.key;
      const pragmas = ["PRAGMA cipher = 'sqlcipher';", 'PRAGMA legacy = 4;', `PRAGMA key = "${literal}";`];
      output(
        io,
        opts,
        { key: literal, database: r.value.database, pragmas, sqlcipher4: [`PRAGMA key = "${literal}";`] },
        [
          literal,
          '',
          'Keep this secret: it opens the store without any passphrase. This reveal has been recorded in the audit log.',
          'SQLCipher 4:                  PRAGMA key = "' + literal + '";',
          'SQLite3MultipleCiphers:       ' + pragmas.join(' '),
        ].join('\n'),
      );
    });
  });

  withStoreOptions(
    program
      .command('backup')
      .description('Write an online, encrypted backup of the whole store to one file (same key; proven before it is kept). [store.backup]')
      .requiredOption('--out <file>', 'the backup file to create (must not exist)'),
  ).action(async (opts: StoreOptionValues & { out: string }) => {
    if (existsSync(opts.out)) throw new CliError(Exit.USAGE, `${opts.out} already exists: choose another file name.`);
    await withSession(io, opts, 'always', async (s) => {
      // The channel writes into the store's backups folder (no path crosses it); the CLI then moves the proven file.
      const made = await s.call('store.backup', {});
      const from = join(backupsDir(s.dataDir), made.fileName);
      try {
        renameSync(from, opts.out);
      } catch {
        // another file system: copy beside, then rename, so a failure never leaves half a backup
        const tmp = `${opts.out}.partial`;
        copyFileSync(from, tmp);
        renameSync(tmp, opts.out);
        rmSync(from, { force: true });
      }
      output(io, opts, { path: opts.out, size: statSync(opts.out).size }, `Backed up to ${opts.out} (${statSync(opts.out).size} bytes).`);
    });
  });

  withStoreOptions(
    program
      .command('restore <file>')
      .description(
        'Replace the store with a backup (administrators or the recovery key). Checks the key and integrity_check first; warns when the backup is older than the store. [store.restore]',
      )
      .option('--raw-key-file <file>', 'the raw data key (from "key reveal"), to restore where no store exists yet'),
  ).action(async (file: string, opts: StoreOptionValues & { rawKeyFile?: string }) => {
    if (!existsSync(file)) throw new CliError(Exit.USAGE, `There is no backup file ${file}.`);
    const rawKey = opts.rawKeyFile ? firstLine(opts.rawKeyFile, 'raw key') : undefined;
    const dataDir = await resolveDataDir(opts, io);
    // The channel reads from the backups folder: the CLI puts a copy there, and takes it away after.
    mkdirSync(backupsDir(dataDir), { recursive: true, mode: 0o700 });
    const fileName = `restore-${process.pid}-${Date.now()}-${basename(file).replace(/[^A-Za-z0-9._-]+/g, '_')}`.slice(0, 200);
    const copy = join(backupsDir(dataDir), fileName);
    copyFileSync(file, copy);
    try {
      await withSession(io, opts, rawKey === undefined ? 'always' : 'never', async (s) => {
        const confirm = s.credential?.kind === 'passphrase' ? { passphrase: s.credential.passphrase } : s.credential ? { recoveryKey: s.credential.recoveryKey } : {};
        const r = await s.call('store.restore', { fileName, rawKey, ...confirm });
        for (const w of r.warnings) io.err(`WARNING: ${w}`);
        output(io, opts, { dataDir, ...r }, `Restored ${file} into ${dataDir}. The restore is recorded as audit event ${r.auditSeq}.`);
      });
    } finally {
      rmSync(copy, { force: true });
    }
  });

  const audit = program.command('audit-log').description('The hash-chained audit log.');
  withStoreOptions(audit.command('verify').description('Walk the audit chain, its signatures and signed head, and check the stored data, users, certificates, key slots, attachments and triggers against it; exit 1 naming what is broken. [audit.verify]')).action(
    async (opts: StoreOptionValues) => {
      await withSession(io, opts, 'always', async (s) => {
        const report = await s.call('audit.verify', {});
        const lines = report.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`).join('\n');
        if (report.ok) {
          output(io, opts, report, `Audit log intact: ${report.events} events, head ${report.head.seq} ${report.head.hash}.\n${lines}`);
          return;
        }
        const problems = report.problems.map((p) => `  ${p.kind}: ${p.message}${p.seq ? ` (event ${p.seq})` : ''}`);
        output(io, opts, report, [`AUDIT LOG BROKEN: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`, ...problems, lines].join('\n'));
        throw new CliError(Exit.CHECK_FAILED, '');
      });
    },
  );

  withStoreOptions(
    program
      .command('doctor')
      .description(
        'Check a store: files, key slots, lock, backoff; with credentials (--user and a passphrase, or the recovery key) also integrity_check and the audit chain. [store.doctor]',
      ),
  ).action(async (opts: StoreOptionValues) => {
    await withSession(io, opts, 'never', async (s) => {
      // Unlock only when there is a store and someone to unlock it: doctor still reports a store it cannot open.
      if (hasCredentials(io, opts) && (await s.call('store.status', {})).state === 'locked') {
        const c = await credentialFrom(io, opts);
        const r = c.kind === 'passphrase' ? await s.result('store.unlock', { userName: c.userName, passphrase: c.passphrase }) : await s.result('store.unlockWithRecoveryKey', { recoveryKey: c.recoveryKey });
        if (!r.ok && (r.error.code === 'AUTH_FAILED' || r.error.code === 'BACKOFF')) throw cliErrorOf(r.error);
      }
      const report = await s.call('store.doctor', {});
      if (!report.exists) {
        output(io, opts, report, `No Carefile store in ${report.dataDir}.`);
        throw new CliError(Exit.STORE_UNAVAILABLE, '');
      }
      output(io, opts, report, [`Carefile store in ${report.dataDir}`, ...report.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`)].join('\n'));
      if (!report.ok) throw new CliError(Exit.CHECK_FAILED, '');
    });
  });
}
