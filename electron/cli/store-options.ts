/**
 * Options every store-touching verb shares (data dir, who you are, where the passphrase comes
 * from, --json), so the whole CLI behaves one way. The verbs reach the store only through the
 * handler map (./session.ts).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, Exit } from './exit';
import type { CliIO } from './io';

/** Who the CLI says you are: a user and passphrase, or the recovery key. */
export type Credential = { kind: 'passphrase'; userName: string; passphrase: string } | { kind: 'recovery-key'; recoveryKey: string };

export interface StoreOptionValues {
  dataDir?: string;
  user?: string;
  passphraseFile?: string;
  recoveryKeyFile?: string;
  json?: boolean;
}

/** --data-dir and --json: for verbs that locate a store but may not need to unlock it. */
export function withDataDirOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'the store folder (default: $CAREFILE_DATA_DIR, else the app\'s per-user data folder)')
    .option('--json', 'machine-readable output on stdout');
}

/** --data-dir, --json, and the ways to prove who you are. */
export function withStoreOptions(cmd: Command): Command {
  return withDataDirOptions(cmd)
    .option('--user <name>', 'your Carefile user name (default: $CAREFILE_USER)')
    .option('--passphrase-file <file>', 'read your passphrase from the first line of this file (default: $CAREFILE_PASSPHRASE, else a prompt that does not echo)')
    .option('--recovery-key-file <file>', 'unlock with the recovery key read from this file instead (or $CAREFILE_RECOVERY_KEY)');
}

/**
 * The store folder: --data-dir, else $CAREFILE_DATA_DIR, else the app's. The default is asked of
 * the store only then, and imported only then: every verb reads these options, and a verb that
 * opens no store (`lint-text`) must not load the store's modules to name its folder (issue 13).
 */
export async function resolveDataDir(opts: StoreOptionValues, io: CliIO): Promise<string> {
  if (opts.dataDir !== undefined) return opts.dataDir;
  if (io.env.CAREFILE_DATA_DIR) return io.env.CAREFILE_DATA_DIR;
  const { defaultDataDir } = await import('../api/host');
  return defaultDataDir(io.env);
}

/**
 * scrypt N for key slots made by this run: the production default unless CAREFILE_SCRYPT_N is set
 * (a power of two; for tests and benchmarks only, documented in docs/cli.md).
 */
export function scryptNFromEnv(io: CliIO): number | undefined {
  const raw = io.env.CAREFILE_SCRYPT_N;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0) throw new CliError(Exit.USAGE, 'CAREFILE_SCRYPT_N must be a power of two.');
  return n;
}

export function firstLine(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch {
    throw new CliError(Exit.USAGE, `Cannot read the ${what} file ${path}.`);
  }
}

/** Reads a line from the terminal without echoing it. */
export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    // Raw mode (no echo) before the question shows, so even a fast typist is never echoed.
    stdin.setRawMode?.(true);
    process.stderr.write(question);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode?.(wasRaw ?? false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new CliError(Exit.USAGE, 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export interface SecretSource {
  file?: string;
  envName: string;
  prompt: string;
  what: string;
  /** Ask twice when prompting (a new passphrase). */
  confirm?: boolean;
}

/** A secret from a file, else the environment, else a no-echo prompt on a terminal. */
export async function readSecret(io: CliIO, src: SecretSource): Promise<string> {
  if (src.file) return firstLine(src.file, src.what);
  const fromEnv = io.env[src.envName];
  if (fromEnv) return fromEnv;
  if (!io.interactive) {
    throw new CliError(Exit.USAGE, `No ${src.what} given: set ${src.envName}, pass a file, or run in a terminal to be asked.`);
  }
  const first = await promptHidden(src.prompt);
  if (src.confirm) {
    const again = await promptHidden('Type it again: ');
    if (again !== first) throw new CliError(Exit.USAGE, 'The two entries differ.');
  }
  return first;
}

export async function readPassphrase(io: CliIO, opts: StoreOptionValues, prompt = 'Passphrase: '): Promise<string> {
  return readSecret(io, { file: opts.passphraseFile, envName: 'CAREFILE_PASSPHRASE', prompt, what: 'passphrase' });
}

export function userName(io: CliIO, opts: StoreOptionValues): string {
  const name = opts.user ?? io.env.CAREFILE_USER;
  if (!name) throw new CliError(Exit.USAGE, 'Say who you are with --user NAME (or CAREFILE_USER).');
  return name;
}

/** The credential the options describe: the recovery key if one is given, else user + passphrase. */
export async function credentialFrom(io: CliIO, opts: StoreOptionValues): Promise<Credential> {
  if (opts.recoveryKeyFile) return { kind: 'recovery-key', recoveryKey: firstLine(opts.recoveryKeyFile, 'recovery key') };
  if (io.env.CAREFILE_RECOVERY_KEY) return { kind: 'recovery-key', recoveryKey: io.env.CAREFILE_RECOVERY_KEY };
  const user = userName(io, opts);
  return { kind: 'passphrase', userName: user, passphrase: await readPassphrase(io, opts, `Passphrase for ${user}: `) };
}

/** Prints `value` as JSON with --json, else the human text. */
export function output(io: CliIO, opts: StoreOptionValues, value: unknown, human: string): void {
  io.out(opts.json ? JSON.stringify(value, null, 2) : human);
}
