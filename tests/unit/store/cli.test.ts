import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import { Exit } from '../../../electron/cli/exit';
import { tempDir, ADMIN, ADMIN_PASS } from './helpers';
import { Database } from '../../../electron/store/sqlite';

interface Captured extends CliIO {
  stdout: string[];
  stderr: string[];
}

function io(env: Record<string, string>): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: async () => '',
    env: { CAREFILE_SCRYPT_N: '1024', ...env },
    interactive: false,
  };
}

async function run(args: string[], env: Record<string, string> = {}) {
  const c = io(env);
  const code = await main(['node', 'carefile', ...args], c);
  return { code, out: c.stdout.join('\n'), err: c.stderr.join('\n') };
}

const SAM_PASS = 'amber-glacier-notebook-9';

describe('carefile CLI (in-process)', () => {
  it('every verb has --help', async () => {
    for (const verb of [[], ['init'], ['user'], ['user', 'add'], ['user', 'list'], ['user', 'passwd'], ['user', 'remove'], ['user', 'import-p12'], ['key', 'reveal'], ['backup'], ['restore'], ['audit-log', 'verify'], ['doctor']]) {
      const r = await run([...verb, '--help']);
      expect(r.code, verb.join(' ')).toBe(Exit.OK);
      expect(r.out, verb.join(' ')).toMatch(/Usage: carefile/);
    }
  });

  it('walks the docs/cli.md story: init, add an assessor, list, back up, restore, reveal the key, verify', async () => {
    const dir = join(tempDir(), 'store');
    const admin = { CAREFILE_DATA_DIR: dir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS };

    const init = await run(['init', '--json'], admin);
    expect(init.code).toBe(Exit.OK);
    const { recoveryKey } = JSON.parse(init.out) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect((await run(['init'], admin)).code).toBe(Exit.USAGE);

    expect((await run(['user', 'add', 'sam', '--role', 'assessor', '--display-name', 'Sam Adeyemi'], { ...admin, CAREFILE_NEW_PASSPHRASE: SAM_PASS })).code).toBe(Exit.OK);
    expect((await run(['user', 'add', 'kim', '--role', 'boss'], { ...admin, CAREFILE_NEW_PASSPHRASE: SAM_PASS })).code).toBe(Exit.USAGE);
    expect((await run(['user', 'add', 'kim', '--role', 'assessor'], { ...admin, CAREFILE_NEW_PASSPHRASE: 'password1234' })).code).toBe(Exit.USAGE);
    const list = await run(['user', 'list', '--json', '--user', 'sam'], { CAREFILE_DATA_DIR: dir, CAREFILE_PASSPHRASE: SAM_PASS });
    expect(list.code).toBe(Exit.OK);
    expect((JSON.parse(list.out) as Array<{ name: string; role: string }>).map((u) => [u.name, u.role])).toEqual([
      [ADMIN, 'admin'],
      ['sam', 'assessor'],
    ]);
    // an assessor may not add users or reveal the key
    expect((await run(['key', 'reveal', '--user', 'sam'], { CAREFILE_DATA_DIR: dir, CAREFILE_PASSPHRASE: SAM_PASS })).code).toBe(Exit.AUTH);

    const backupFile = join(tempDir(), 'store.backup');
    expect((await run(['backup', '--out', backupFile], admin)).code).toBe(Exit.OK);
    expect((await run(['backup', '--out', backupFile], admin)).code).toBe(Exit.USAGE);
    expect((await run(['user', 'remove', 'sam'], admin)).code).toBe(Exit.OK);
    const restore = await run(['restore', backupFile], admin);
    expect(restore.code, restore.err).toBe(Exit.OK);
    // sam is back, as in the backup
    expect((await run(['user', 'list', '--user', 'sam'], { CAREFILE_DATA_DIR: dir, CAREFILE_PASSPHRASE: SAM_PASS })).code).toBe(Exit.OK);

    const recoveryFile = join(tempDir(), 'rk.txt');
    writeFileSync(recoveryFile, `${recoveryKey}\n`);
    const reveal = await run(['key', 'reveal', '--json', '--recovery-key-file', recoveryFile], { CAREFILE_DATA_DIR: dir });
    expect(reveal.code).toBe(Exit.OK);
    const { key, pragmas } = JSON.parse(reveal.out) as { key: string; pragmas: string[] };
    expect(key).toMatch(/^x'[0-9a-f]{64}'$/);

    // the revealed key opens the file through a fresh connection with only the documented pragmas
    const db = new Database(join(dir, 'carefile.db'), { readonly: true });
    for (const p of pragmas) db.exec(p);
    expect(db.prepare("SELECT count(*) AS n FROM user WHERE name = 'sam'").get()).toEqual({ n: 1 });
    db.close();

    const verify = await run(['audit-log', 'verify'], admin);
    expect(verify.code).toBe(Exit.OK);
    expect(verify.out).toMatch(/intact/);
    const doctor = await run(['doctor', '--json'], admin);
    expect(doctor.code, doctor.out).toBe(Exit.OK);
    expect((JSON.parse(doctor.out) as { checks: Array<{ check: string; ok: boolean }> }).checks.map((c) => c.check)).toContain('integrity_check');
  });

  it('maps failures to the documented exit codes', async () => {
    const dir = join(tempDir(), 'store');
    const admin = { CAREFILE_DATA_DIR: dir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS };
    expect((await run(['user', 'list'], admin)).code).toBe(Exit.STORE_UNAVAILABLE);
    expect((await run(['doctor'], admin)).code).toBe(Exit.STORE_UNAVAILABLE);
    expect((await run(['init'], { ...admin, CAREFILE_PASSPHRASE: 'short' })).code).toBe(Exit.USAGE);
    expect((await run(['init'], admin)).code).toBe(Exit.OK);
    const wrong = await run(['user', 'list'], { ...admin, CAREFILE_PASSPHRASE: 'wrong-wrong-wrong' });
    expect(wrong.code).toBe(Exit.AUTH);
    expect(wrong.err).toMatch(/do not open this store/);
    expect((await run(['user', 'list'], { CAREFILE_DATA_DIR: dir, CAREFILE_PASSPHRASE: ADMIN_PASS })).code).toBe(Exit.USAGE);
    expect((await run(['user', 'list', '--user', ADMIN], { CAREFILE_DATA_DIR: dir })).code).toBe(Exit.USAGE);
    expect((await run(['backup'], admin)).code).toBe(Exit.USAGE);
    expect((await run(['frobnicate'], admin)).code).toBe(Exit.USAGE);
    expect((await run(['restore', join(dir, 'missing')], admin)).code).toBe(Exit.USAGE);

    // tamper: audit-log verify exits 1 naming the event
    const reveal = await run(['key', 'reveal', '--json'], admin);
    const { pragmas } = JSON.parse(reveal.out) as { pragmas: string[] };
    const db = new Database(join(dir, 'carefile.db'));
    for (const p of pragmas) db.exec(p);
    db.exec('DROP TRIGGER audit_event_no_update');
    db.prepare("UPDATE audit_event SET action = 'nothing' WHERE seq = 2").run();
    db.close();
    const verify = await run(['audit-log', 'verify', '--json'], admin);
    expect(verify.code).toBe(Exit.CHECK_FAILED);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    expect((await run(['doctor'], admin)).code).toBe(Exit.CHECK_FAILED);
    expect(existsSync(join(dir, 'carefile.lock'))).toBe(false);
  });

  it('changes passphrases: your own with the current one, a forgotten one with the recovery key', async () => {
    const dir = join(tempDir(), 'store');
    const admin = { CAREFILE_DATA_DIR: dir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS };
    const { recoveryKey } = JSON.parse((await run(['init', '--json'], admin)).out) as { recoveryKey: string };
    await run(['user', 'add', 'sam', '--role', 'assessor'], { ...admin, CAREFILE_NEW_PASSPHRASE: SAM_PASS });
    const sam = { CAREFILE_DATA_DIR: dir, CAREFILE_USER: 'sam', CAREFILE_PASSPHRASE: SAM_PASS };
    expect((await run(['user', 'passwd', 'sam'], { ...sam, CAREFILE_NEW_PASSPHRASE: 'new-river-stone-candle-3' })).code).toBe(Exit.OK);
    expect((await run(['user', 'list'], sam)).code).toBe(Exit.AUTH);
    expect((await run(['user', 'list'], { ...sam, CAREFILE_PASSPHRASE: 'new-river-stone-candle-3' })).code).toBe(Exit.OK);
    // the administrator forgot theirs: the recovery key sets a new one
    const rk = join(tempDir(), 'rk.txt');
    writeFileSync(rk, recoveryKey);
    const reset = await run(['user', 'passwd', ADMIN, '--recovery-key-file', rk], { CAREFILE_DATA_DIR: dir, CAREFILE_NEW_PASSPHRASE: 'granite-orchard-puzzle-8' });
    expect(reset.code, reset.err).toBe(Exit.OK);
    expect(reset.out).toMatch(/reset/);
    expect((await run(['user', 'list'], { ...admin, CAREFILE_PASSPHRASE: 'granite-orchard-puzzle-8' })).code).toBe(Exit.OK);
    // sam (an assessor) may not change someone else's
    expect((await run(['user', 'passwd', ADMIN], { ...sam, CAREFILE_PASSPHRASE: 'new-river-stone-candle-3', CAREFILE_NEW_PASSPHRASE: 'whatever-long-phrase-1' })).code).toBe(Exit.AUTH);
  });

  it('reads passphrases from --passphrase-file', async () => {
    const dir = join(tempDir(), 'store');
    const f = join(tempDir(), 'pass.txt');
    writeFileSync(f, `${ADMIN_PASS}\n`);
    expect((await run(['init', '--user', ADMIN, '--passphrase-file', f, '--data-dir', dir])).code).toBe(Exit.OK);
    expect((await run(['user', 'list', '--user', ADMIN, '--passphrase-file', f, '--data-dir', dir])).code).toBe(Exit.OK);
    expect(readFileSync(f, 'utf8')).toBe(`${ADMIN_PASS}\n`);
  });
});
