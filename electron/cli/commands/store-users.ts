import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import { output, readSecret, withStoreOptions, type StoreOptionValues } from '../store-options';
import { withSession } from '../session';
import { ROLES } from '../../api/host';
import { userRoleLabels } from '../../../shared/format/labels';

interface NewPassOptions extends StoreOptionValues {
  newPassphraseFile?: string;
}

function withNewPassphrase(cmd: Command): Command {
  return cmd.option(
    '--new-passphrase-file <file>',
    'read the new passphrase from the first line of this file (default: $CAREFILE_NEW_PASSPHRASE, else asked twice without echo)',
  );
}

function newPassphrase(io: CliIO, opts: NewPassOptions, who: string): Promise<string> {
  return readSecret(io, {
    file: opts.newPassphraseFile,
    envName: 'CAREFILE_NEW_PASSPHRASE',
    prompt: `New passphrase for ${who} (at least 12 characters): `,
    what: 'new passphrase',
    confirm: true,
  });
}

export function registerUserCommands(program: Command, io: CliIO): void {
  const user = program.command('user').description('Manage the people who may open the store: add, list, passwd, remove, import-p12.');

  withNewPassphrase(
    withStoreOptions(
      user
        .command('add <name>')
        .description('Add a user (administrators only). Makes their key slot and their signing certificate. [users.add]')
        .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
        .option('--display-name <text>', 'the name shown on records and in their certificate (default: the user name)'),
    ),
  ).action(async (name: string, opts: NewPassOptions & { role: string; displayName?: string }) => {
    if (!(ROLES as readonly string[]).includes(opts.role)) throw new CliError(Exit.USAGE, `--role must be one of: ${ROLES.join(', ')}.`);
    await withSession(io, opts, 'always', async (s) => {
      const passphrase = await newPassphrase(io, opts, name);
      const added = await s.call('users.add', { name, displayName: opts.displayName, role: opts.role as (typeof ROLES)[number], passphrase });
      output(io, opts, added, `Added ${added.name} (${added.displayName}), ${userRoleLabels[added.role].toLowerCase()}. Certificate SHA-256 ${added.certificateSha256}.`);
    });
  });

  withStoreOptions(user.command('list').description('List the current users and their roles. [users.list]'))
    .option('--all', 'include removed users')
    .action(async (opts: StoreOptionValues & { all?: boolean }) => {
      await withSession(io, opts, 'always', async (s) => {
        const users = await s.call('users.list', { includeRemoved: opts.all });
        const rows = users.map((u) => `${u.name.padEnd(20)} ${u.role.padEnd(9)} ${u.displayName}${u.removedOn ? ` (removed ${u.removedOn})` : ''}`);
        output(io, opts, users, [`${'NAME'.padEnd(20)} ${'ROLE'.padEnd(9)} DISPLAY NAME`, ...rows].join('\n'));
      });
    });

  withNewPassphrase(
    withStoreOptions(
      user
        .command('passwd <name>')
        .description(
          "Change a passphrase. Your own: unlock as yourself (your current passphrase); your signing key is kept. " +
            "An administrator resetting someone else's: that user gets a new signing key and certificate. [users.passwd]",
        ),
    ),
  ).action(async (name: string, opts: NewPassOptions) => {
    await withSession(io, opts, 'always', async (s) => {
      const c = s.credential;
      const self = c?.kind === 'passphrase' && c.userName.toLowerCase() === name.toLowerCase();
      const newPass = await newPassphrase(io, opts, name);
      const updated = await s.call('users.passwd', { name, newPassphrase: newPass, currentPassphrase: self ? c.passphrase : undefined });
      output(io, opts, updated, `Changed the passphrase of ${updated.name}${self ? '' : ' (reset: new signing certificate issued)'}.`);
    });
  });

  withStoreOptions(user.command('remove <name>').description('Remove a user (administrators only): their key slot goes; their past signatures stay verifiable. [users.remove]')).action(
    async (name: string, opts: StoreOptionValues) => {
      await withSession(io, opts, 'always', async (s) => {
        const removed = await s.call('users.remove', { name });
        output(io, opts, removed, `Removed ${removed.name}.`);
      });
    },
  );

  withStoreOptions(
    user
      .command('import-p12 <file>')
      .description(
        "Replace your signing key and certificate with a PKCS#12 (.p12/.pfx) your organisation issued. Run as yourself: your passphrase seals the key. [users.importP12]",
      )
      .option('--p12-password-file <file>', "the .p12 file's password, first line (default: $CAREFILE_P12_PASSWORD, else asked without echo)"),
  ).action(async (file: string, opts: StoreOptionValues & { p12PasswordFile?: string }) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new CliError(Exit.USAGE, `Cannot read ${file}.`);
    }
    await withSession(io, opts, 'always', async (s) => {
      if (s.credential?.kind !== 'passphrase') {
        // The channel refuses it too (FORBIDDEN); said here before asking for the .p12 password.
        throw new CliError(Exit.AUTH, 'Import your certificate as yourself (--user NAME with your passphrase), not with the recovery key.');
      }
      const p12Password = await readSecret(io, {
        file: opts.p12PasswordFile,
        envName: 'CAREFILE_P12_PASSWORD',
        prompt: 'Password of the .p12 file: ',
        what: 'PKCS#12 password',
      });
      const cert = await s.call('users.importP12', { p12Base64: bytes.toString('base64'), p12Password, passphrase: s.credential.passphrase });
      output(io, opts, cert, `Imported: ${cert.name} now signs with the certificate SHA-256 ${cert.certificateSha256}.`);
    });
  });
}
