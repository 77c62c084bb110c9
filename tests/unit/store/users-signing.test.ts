import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASS, freshStore, kdf } from './helpers';
import { openStore, storePaths } from '../../../electron/store/index';
import { AuthFailedError, ConflictError, ForbiddenError, InvalidInputError } from '../../../electron/store/errors';

const SAM_PASS = 'amber-glacier-notebook-9';

describe('users, roles and key slots', () => {
  it('adds a second assessor who can unlock with their own passphrase; passwd rewrites one slot; remove drops it', async () => {
    const { dataDir, store } = await freshStore();
    const sam = await store.users.add({ name: 'sam', displayName: 'Sam Adeyemi', role: 'assessor', passphrase: SAM_PASS });
    expect(store.users.list().map((u) => [u.name, u.role])).toEqual([
      [ADMIN, 'admin'],
      ['sam', 'assessor'],
    ]);
    const slotsBefore = JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8'));
    expect(slotsBefore.slots).toHaveLength(3);
    await expect(store.users.add({ name: 'SAM', role: 'assessor', passphrase: SAM_PASS })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.users.add({ name: 'kim', role: 'assessor', passphrase: 'short' })).rejects.toBeInstanceOf(InvalidInputError);
    store.close();

    const handle = openStore({ dataDir, kdf });
    const asSam = await handle.unlock('sam', SAM_PASS);
    expect(asSam.session).toMatchObject({ name: 'sam', role: 'assessor' });
    await expect(asSam.users.add({ name: 'kim', role: 'assessor', passphrase: 'quiet-meadow-bicycle-7' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(() => asSam.revealKey()).toThrow(ForbiddenError);
    await expect(asSam.users.passwd('sam', 'new-river-stone-candle-3', { oldPassphrase: 'wrong-old-passphrase' })).rejects.toBeInstanceOf(AuthFailedError);
    await asSam.users.passwd('sam', 'new-river-stone-candle-3', { oldPassphrase: SAM_PASS });
    asSam.close();

    const slotsAfter = JSON.parse(readFileSync(storePaths(dataDir).keySlots, 'utf8'));
    const changed = slotsAfter.slots.filter((s: { id: string }) => !slotsBefore.slots.some((b: { id: string }) => b.id === s.id));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kind: 'user', userId: sam.id });

    const h2 = openStore({ dataDir, kdf });
    await expect(h2.unlock('sam', SAM_PASS)).rejects.toBeInstanceOf(AuthFailedError);
    const asSam2 = await h2.unlock('sam', 'new-river-stone-candle-3');
    asSam2.close();

    const admin = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(() => admin.users.remove(ADMIN)).toThrow(/last administrator/);
    admin.users.remove('sam');
    expect(admin.users.list().map((u) => u.name)).toEqual([ADMIN]);
    expect(admin.audit.events({ entityType: 'user', entityId: sam.id }).map((e) => e.action)).toEqual(['user.add', 'user.passwd', 'user.remove']);
    expect(admin.audit.verify().ok).toBe(true);
    admin.close();
    const h3 = openStore({ dataDir, kdf });
    await expect(h3.unlock('sam', 'new-river-stone-candle-3')).rejects.toBeInstanceOf(AuthFailedError);
    h3.close();
  });

  it('gives each user an ECDSA P-256 certificate (CN = display name, O = Carefile) whose key signs', async () => {
    const { store } = await freshStore();
    const sam = await store.users.add({ name: 'sam', displayName: 'Sam Adeyemi, MSc', role: 'assessor', passphrase: SAM_PASS });
    const creds = await store.signing.credentialsFor(sam.id, SAM_PASS);
    const cert = new x509.X509Certificate(creds.certificateDer.slice().buffer);
    expect(cert.subject).toContain('O=Carefile');
    expect(cert.subjectName.getField('CN')).toEqual(['Sam Adeyemi, MSc']);
    expect(creds.certificateSha256).toBe(createHash('sha256').update(creds.certificateDer).digest('hex'));
    expect(creds.certificateSha256).toBe(sam.certificateSha256);
    // the key really matches the certificate
    const data = new TextEncoder().encode('record digest');
    const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, creds.privateKey, data);
    const pub = await cert.publicKey.export(webcrypto as unknown as Crypto);
    expect(await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, data)).toBe(true);
    expect(creds.keyObject.asymmetricKeyType).toBe('ec');
    await expect(store.signing.credentialsFor(sam.id, 'not-sams-passphrase')).rejects.toBeInstanceOf(AuthFailedError);
    const known = store.signing.knownCertificates();
    expect(known.map((k) => k.name)).toEqual([ADMIN, 'sam']);
    expect(known.every((k) => k.current)).toBe(true);
    store.close();
  });

  it('keeps the signing key across a passphrase change, and issues a new one on an admin reset (old cert still known)', async () => {
    const { store } = await freshStore();
    const sam = await store.users.add({ name: 'sam', role: 'assessor', passphrase: SAM_PASS });
    await store.users.passwd('sam', 'second-passphrase-oak-5', { oldPassphrase: SAM_PASS });
    const kept = await store.signing.credentialsFor(sam.id, 'second-passphrase-oak-5');
    expect(kept.certificateSha256).toBe(sam.certificateSha256);
    await store.users.passwd('sam', 'third-passphrase-elm-6');
    const reset = await store.signing.credentialsFor(sam.id, 'third-passphrase-elm-6');
    expect(reset.certificateSha256).not.toBe(sam.certificateSha256);
    const known = store.signing.knownCertificates().filter((k) => k.userId === sam.id);
    expect(known.map((k) => [k.certificateSha256, k.current])).toEqual([
      [sam.certificateSha256, false],
      [reset.certificateSha256, true],
    ]);
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });
});

describe('key slots file and its mirror', () => {
  it('mends a slots file left behind by a crash between the database commit and the file write', async () => {
    const { dataDir, store } = await freshStore();
    await store.users.add({ name: 'sam', role: 'assessor', passphrase: SAM_PASS });
    const slotsPath = storePaths(dataDir).keySlots;
    const before = readFileSync(slotsPath, 'utf8');
    await store.users.passwd('sam', 'new-river-stone-candle-3', { oldPassphrase: SAM_PASS });
    store.close();
    // the crash: the database has the new slot, the file still the old one
    writeFileSync(slotsPath, before);
    const h = openStore({ dataDir, kdf });
    await expect(h.unlock('sam', 'new-river-stone-candle-3')).rejects.toBeInstanceOf(AuthFailedError);
    const asAdmin = await h.unlock(ADMIN, ADMIN_PASS); // any unlock mends the file from the mirror
    asAdmin.close();
    expect(readFileSync(slotsPath, 'utf8')).not.toBe(before);
    const asSam = await openStore({ dataDir, kdf }).unlock('sam', 'new-river-stone-candle-3');
    expect(asSam.session.name).toBe('sam');
    asSam.close();
  });
});
