/**
 * The records officer, who prepares a store with the real `carefile` CLI exactly as docs/cli.md
 * tells them to: set it up, add the assessors, import assessment bundles.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const BUNDLES = path.join(ROOT, 'tests', 'fixtures', 'bundles');

export interface Person {
  user: string;
  pass: string;
}

export const ADMIN: Person = { user: 'r.admin', pass: 'amber kestrel lantern 42' };

export class RecordsOfficer {
  private readonly secrets = mkdtempSync(path.join(os.tmpdir(), 'carefile-pass-'));

  constructor(readonly dataDir: string) {}

  /** Runs `carefile ARGS` as `who`; a non-zero exit fails the test with the CLI's own message. */
  run(who: Person, ...args: string[]): string {
    const res = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'carefile.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      // A fast key derivation for test stores only (docs/cli.md, "For tests only").
      env: { ...process.env, CAREFILE_DATA_DIR: this.dataDir, CAREFILE_USER: who.user, CAREFILE_PASSPHRASE: who.pass, CAREFILE_SCRYPT_N: '1024' },
    });
    if (res.status !== 0) throw new Error(`carefile ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
    return res.stdout;
  }

  setUp(): this {
    this.run(ADMIN, 'init', '--display-name', 'Records Admin');
    return this;
  }

  addUser(who: Person, displayName: string, role: 'assessor' | 'manager' = 'assessor'): this {
    const file = path.join(this.secrets, who.user);
    writeFileSync(file, `${who.pass}\n`, { mode: 0o600 });
    this.run(ADMIN, 'user', 'add', who.user, '--role', role, '--display-name', displayName, '--new-passphrase-file', file);
    return this;
  }

  /** Fixtures are unsigned: the administrator accepts them explicitly (audited), as a records officer would. */
  import(...files: string[]): this {
    this.run(ADMIN, 'import', '--accept-unsigned', ...files);
    return this;
  }
}
