import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, kdf, tempDir } from '../../unit/store/helpers';
import { openStore } from '../../../electron/store/index';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin', 'carefile.mjs');

function carefile(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CAREFILE_SCRYPT_N: '1024', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('carefile as a real process', () => {
  it('init with CAREFILE_PASSPHRASE, then a second process is told the store is in use (exit 4)', async () => {
    const dir = join(tempDir(), 'store');
    const env = { CAREFILE_DATA_DIR: dir, CAREFILE_USER: ADMIN, CAREFILE_PASSPHRASE: ADMIN_PASS };
    const init = carefile(['init'], env);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/RECOVERY KEY/);
    expect(init.out).not.toContain(ADMIN_PASS);

    const held = await openStore({ dataDir: dir, kdf }).unlock(ADMIN, ADMIN_PASS);
    const busy = carefile(['user', 'list'], env);
    expect(busy.code).toBe(4);
    expect(busy.err).toMatch(/in use by another Carefile process/);
    held.close();

    const list = carefile(['user', 'list', '--json'], env);
    expect(list.code, list.err).toBe(0);
    expect(JSON.parse(list.out)).toMatchObject([{ name: ADMIN, role: 'admin' }]);
    expect(carefile(['user', 'list'], { ...env, CAREFILE_PASSPHRASE: 'not-the-passphrase' }).code).toBe(3);
  });
});
