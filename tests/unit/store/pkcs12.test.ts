import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshStore, tempDir } from './helpers';
import { AuthFailedError, InvalidInputError } from '../../../electron/store/errors';

const SAM_PASS = 'amber-glacier-notebook-9';

/** A council-style .p12 made by OpenSSL (the real tool), as an IT department would issue it. */
function makeP12(kind: 'ec' | 'rsa', password: string, exportArgs: string[] = []): Uint8Array {
  const dir = tempDir();
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const p12 = join(dir, 'id.p12');
  const newkey = kind === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
  execFileSync('openssl', ['req', '-x509', ...newkey, '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Sam Adeyemi/O=Example Council'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${password}`, ...exportArgs], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(p12));
}

describe('importing a PKCS#12 signing identity', () => {
  for (const kind of ['ec', 'rsa'] as const) {
    it(`replaces the generated certificate with the council's (${kind}), sealed under the user's passphrase`, async () => {
      const { store } = await freshStore();
      const sam = await store.users.add({ name: 'sam', role: 'assessor', passphrase: SAM_PASS });
      const p12 = makeP12(kind, 'p12-secret');
      await expect(store.signing.importPkcs12(sam.id, p12, 'wrong', SAM_PASS)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(store.signing.importPkcs12(sam.id, p12, 'p12-secret', 'not-sams-passphrase')).rejects.toBeInstanceOf(AuthFailedError);
      const imported = await store.signing.importPkcs12(sam.id, p12, 'p12-secret', SAM_PASS);
      const cert = new x509.X509Certificate(imported.certificateDer.slice().buffer);
      expect(cert.subject).toContain('O=Example Council');
      expect(imported.current).toBe(true);

      const creds = await store.signing.credentialsFor(sam.id, SAM_PASS);
      expect(creds.certificateSha256).toBe(imported.certificateSha256);
      const data = new TextEncoder().encode('digest of the record');
      const params = kind === 'ec' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
      const sig = await webcrypto.subtle.sign(params, creds.privateKey, data);
      const alg = kind === 'ec' ? { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const pub = await cert.publicKey.export(alg, ['verify'], webcrypto as unknown as Crypto);
      expect(await webcrypto.subtle.verify(params, pub, sig, data)).toBe(true);

      // a passphrase change keeps the imported key
      await store.users.passwd('sam', 'new-river-stone-candle-3', { oldPassphrase: SAM_PASS });
      expect((await store.signing.credentialsFor(sam.id, 'new-river-stone-candle-3')).certificateSha256).toBe(imported.certificateSha256);
      expect(store.signing.knownCertificates().filter((c) => c.userId === sam.id)).toHaveLength(2);
      expect(store.audit.verify().ok).toBe(true);
      store.close();
    });
  }

  it('reads the file with pkijs: MAC checked, key matched to its certificate; a changed byte or an old cipher is refused in plain words', async () => {
    const { readPkcs12 } = await import('../../../electron/store/pkcs12');
    const p12 = makeP12('ec', 'p12-secret');
    const read = await readPkcs12(p12, 'p12-secret');
    expect(read.algorithm).toEqual({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(new x509.X509Certificate(read.certificateDer.slice().buffer).subject).toContain('CN=Sam Adeyemi');
    const flipped = new Uint8Array(p12);
    flipped[p12.length - 40] = (flipped[p12.length - 40] ?? 0) ^ 1; // inside the MAC data
    await expect(readPkcs12(flipped, 'p12-secret')).rejects.toThrow(/could not be opened/);
    const legacy = makeP12('ec', 'p12-secret', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
    await expect(readPkcs12(legacy, 'p12-secret')).rejects.toThrow(/old cipher \(3DES or RC2\)/);
  });

  it('refuses bytes that are not a PKCS#12 file', async () => {
    const { store } = await freshStore();
    const me = store.users.list()[0]!;
    await expect(store.signing.importPkcs12(me.id, new TextEncoder().encode('nope'), 'x', 'violet-harbour-lantern-42')).rejects.toBeInstanceOf(InvalidInputError);
    store.close();
  });
});

describe('carefile user import-p12', () => {
  it('imports a .p12 for the user running it', async () => {
    const { main } = await import('../../../electron/cli/main');
    const freshKeys = await freshStore();
    const { dataDir, store } = freshKeys;
    await store.users.add({ name: 'sam', role: 'assessor', passphrase: SAM_PASS });
    store.close();
    const file = join(tempDir(), 'sam.p12');
    (await import('node:fs')).writeFileSync(file, makeP12('ec', 'p12-secret'));
    const out: string[] = [];
    const err: string[] = [];
    const io = (env: Record<string, string>) => ({
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      readStdin: async () => '',
      env: { CAREFILE_SCRYPT_N: '1024', CAREFILE_DATA_DIR: dataDir, CAREFILE_USER: 'sam', CAREFILE_PASSPHRASE: SAM_PASS, ...env },
      interactive: false,
    });
    expect(await main(['node', 'carefile', 'user', 'import-p12', file], io({ CAREFILE_P12_PASSWORD: 'wrong' }))).toBe(2);
    // the recovery key signs nothing, so it imports no signing key (exit 3, as the channel's FORBIDDEN)
    const { recoveryKey } = freshKeys;
    expect(await main(['node', 'carefile', 'user', 'import-p12', file], io({ CAREFILE_USER: '', CAREFILE_RECOVERY_KEY: recoveryKey, CAREFILE_P12_PASSWORD: 'p12-secret' }))).toBe(3);
    expect(await main(['node', 'carefile', 'user', 'import-p12', file, '--json'], io({ CAREFILE_P12_PASSWORD: 'p12-secret' }))).toBe(0);
    const { certificateSha256 } = JSON.parse(out[out.length - 1]!) as { certificateSha256: string };
    const { openStore } = await import('../../../electron/store/index');
    const s = await openStore({ dataDir, kdf: (await import('./helpers')).kdf }).unlock('sam', SAM_PASS);
    expect(s.users.byName('sam')!.certificateSha256).toBe(certificateSha256);
    s.close();
  });
});
