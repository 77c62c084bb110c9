import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../unit/store/helpers';

const ROOT = join(import.meta.dirname, '../../..');
const DRIVER = join(ROOT, 'tests/fixtures/store/pty-prompt.py');
const PASS = 'violet-harbour-lantern-42';

/** Runs carefile on a real terminal (python's pty), typing PASS at every prompt. */
function onTerminal(dataDir: string, args: string[]) {
  const r = spawnSync('python3', [DRIVER, ROOT, dataDir, PASS, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  return { out: r.stdout, code: Number(/\[exit (\d+)\]/.exec(r.stdout)?.[1] ?? -1) };
}

describe('passphrase prompts on a terminal', () => {
  it('asks twice for a new passphrase, then for the passphrase to unlock, never echoing it', () => {
    const dir = join(tempDir(), 'store');
    const init = onTerminal(dir, ['init', '--user', 'jo.admin']);
    expect(init.code, init.out).toBe(0);
    expect(init.out).toMatch(/New passphrase for jo\.admin/);
    expect(init.out).toMatch(/Type it again/);
    expect(init.out).toMatch(/RECOVERY KEY/);
    const list = onTerminal(dir, ['user', 'list', '--user', 'jo.admin']);
    expect(list.code, list.out).toBe(0);
    expect(list.out).toMatch(/Passphrase for jo\.admin/);
    expect(list.out).toMatch(/jo\.admin\s+admin/);
    expect(init.out + list.out).not.toContain(PASS);
  });
});
