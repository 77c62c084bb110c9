import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import {
  credentialFrom,
  kdfFromEnv,
  output,
  readSecret,
  resolveDataDir,
  storeAction,
  userName,
  withStoreOptions,
  withUnlockedStore,
  type StoreOptionValues,
} from '../store-options';
import { initStore, restoreStore } from '../../store/index';
import { registerUserCommands } from './store-users';
import { runDoctor } from './store-doctor';

export function registerStoreCommands(program: Command, io: CliIO): void {
  withStoreOptions(
    program
      .command('init')
      .description('Create a new encrypted store and its first administrator; prints the recovery key once.')
      .option('--display-name <text>', "the administrator's name as shown on records (default: the user name)"),
  ).action(
    storeAction(async (opts: StoreOptionValues & { displayName?: string }) => {
      const dataDir = resolveDataDir(opts, io);
      const adminName = userName(io, opts);
      const passphrase = await readSecret(io, {
        file: opts.passphraseFile,
        envName: 'CAREFILE_PASSPHRASE',
        prompt: `New passphrase for ${adminName} (at least 12 characters): `,
        what: 'passphrase',
        confirm: true,
      });
      const { recoveryKey, storeId } = await initStore({
        dataDir,
        adminName,
        adminPassphrase: passphrase,
        adminDisplayName: opts.displayName,
        kdf: kdfFromEnv(io),
      });
      const groups = recoveryKey.split('-');
      output(
        io,
        opts,
        { dataDir, storeId, admin: adminName, recoveryKey },
        [
          `Created a Carefile store in ${dataDir} with administrator ${adminName}.`,
          '',
          'RECOVERY KEY: shown this once. Write it down and keep it locked away, apart from this computer.',
          '',
          `    ${groups.slice(0, 4).join('-')}`,
          `    ${groups.slice(4).join('-')}`,
          '',
          'It opens the store if every passphrase is forgotten. Anyone who holds it can read everything.',
        ].join('\n'),
      );
    }),
  );

  registerUserCommands(program, io);

  const key = program.command('key').description('The data key, for records officers.');
  withStoreOptions(
    key
      .command('reveal')
      .description(
        "Print the raw data key in the form SQLCipher's PRAGMA key takes (needs the recovery key or an administrator's passphrase; audited). See docs/recovery.md.",
      ),
  ).action(
    storeAction(async (opts: StoreOptionValues) => {
      await withUnlockedStore(io, opts, (store) => {
        const literal = store.revealKey();
        const pragmas = ["PRAGMA cipher = 'sqlcipher';", 'PRAGMA legacy = 4;', `PRAGMA key = "${literal}";`];
        output(
          io,
          opts,
          { key: literal, database: store.dataDir, pragmas, sqlcipher4: [`PRAGMA key = "${literal}";`] },
          [
            literal,
            '',
            'Keep this secret: it opens the store without any passphrase. This reveal has been recorded in the audit log.',
            'SQLCipher 4:                  PRAGMA key = "' + literal + '";',
            'SQLite3MultipleCiphers:       ' + pragmas.join(' '),
          ].join('\n'),
        );
      });
    }),
  );

  withStoreOptions(
    program
      .command('backup')
      .description('Write an online, encrypted backup of the whole store to one file (same key; proven before it is kept).')
      .requiredOption('--out <file>', 'the backup file to create (must not exist)'),
  ).action(
    storeAction(async (opts: StoreOptionValues & { out: string }) => {
      await withUnlockedStore(io, opts, (store) => {
        const result = store.backup(opts.out);
        output(io, opts, result, `Backed up to ${result.path} (${result.size} bytes).`);
      });
    }),
  );

  withStoreOptions(
    program
      .command('restore <file>')
      .description(
        'Replace the store with a backup. Checks the key and integrity_check first; the current store is kept until the restored one is proven.',
      )
      .option('--raw-key-file <file>', 'the raw data key (from "key reveal"), to restore where no store exists yet'),
  ).action(
    storeAction(async (file: string, opts: StoreOptionValues & { rawKeyFile?: string }) => {
      const dataDir = resolveDataDir(opts, io);
      let rawKey: string | undefined;
      if (opts.rawKeyFile) {
        try {
          rawKey = readFileSync(opts.rawKeyFile, 'utf8').split(/\r?\n/)[0] ?? '';
        } catch {
          throw new CliError(Exit.USAGE, `Cannot read the raw key file ${opts.rawKeyFile}.`);
        }
      } else if (!existsSync(file)) {
        throw new CliError(Exit.USAGE, `There is no backup file ${file}.`);
      }
      const credential = rawKey === undefined ? await credentialFrom(io, opts) : undefined;
      const result = await restoreStore({ dataDir, file, credential, rawKey, kdf: kdfFromEnv(io) });
      output(io, opts, { dataDir, ...result }, `Restored ${file} into ${dataDir}. The restore is recorded as audit event ${result.auditSeq}.`);
    }),
  );

  const audit = program.command('audit-log').description('The hash-chained audit log.');
  withStoreOptions(audit.command('verify').description('Walk the audit chain, its signatures and signed head, and check the stored data, users, certificates, key slots, attachments and triggers against it; exit 1 naming the first broken link.')).action(
    storeAction(async (opts: StoreOptionValues) => {
      await withUnlockedStore(io, opts, (store) => {
        const report = store.audit.verify();
        const lines = report.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`).join('\n');
        if (report.ok) {
          output(io, opts, report, `Audit log intact: ${report.events} events, head ${report.head.seq} ${report.head.hash}.\n${lines}`);
          return;
        }
        output(io, opts, report, `AUDIT LOG BROKEN: ${report.firstBroken!.reason}${report.firstBroken!.seq ? ` (event ${report.firstBroken!.seq})` : ''}.\n${lines}`);
        throw new CliError(Exit.CHECK_FAILED, '');
      });
    }),
  );

  withStoreOptions(
    program
      .command('doctor')
      .description(
        'Check a store: files, key slots, lock, backoff; with credentials (--user and a passphrase, or the recovery key) also integrity_check and the audit chain.',
      ),
  ).action(storeAction(async (opts: StoreOptionValues) => runDoctor(io, opts)));
}
