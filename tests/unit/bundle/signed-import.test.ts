/**
 * Signed bundles through dispatch, on two real encrypted stores: the council's team store (A)
 * where an assessment is exported, and a manager's store (B) that imports it. Every refusal is
 * checked to have written nothing (the audit head does not move).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { checkBundleSignature } from '../../../electron/bundle/signature';
import { checkSignedData } from '../../../electron/record/index';
import { splitSignature } from '../../../shared/bundle/index';
import { ADMIN, ADMIN_PASS, kdf } from '../store/helpers';
import { compliantDoc, teamDoc, unsignedText } from '../../fixtures/bundles/team';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const root = mkdtempSync(join(tmpdir(), 'carefile-signed-bundles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function context(name: string): HandlerContext & { storeSession: StoreSession } {
  const dataDir = join(root, name);
  return { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
}
const A = context('team');
const B = context('manager');

async function call(ctx: HandlerContext, name: string, input: unknown): Promise<Any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function failure(ctx: HandlerContext, name: string, input: unknown): Promise<Any> {
  const r = await dispatch(name, input, ctx);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}
const head = (ctx: { storeSession: StoreSession }) => ctx.storeSession.store.audit.head().seq;
const file = (name: string, json: string) => ({ name, json });

const MAX = { name: 'max', pass: 'walnut-signal-meadow-27' };
let exported1 = '';
let exported2 = '';
let adminFingerprint = '';
let recoveryKey = '';

beforeAll(async () => {
  for (const ctx of [A, B]) {
    const init = await call(ctx, 'store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
    if (ctx === A) recoveryKey = init.recoveryKey;
    await call(ctx, 'store.lock', {});
    await call(ctx, 'store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  }
  await call(B, 'users.add', { name: MAX.name, role: 'manager', passphrase: MAX.pass });
  // Store A's assessment arrives unsigned (a fixture): its administrator accepts it, then exports it signed.
  const doc = compliantDoc();
  const first = await call(A, 'bundles.import', { bundles: [file('compliant.json', unsignedText(doc))], acceptUnsigned: true });
  expect(first.summary).toEqual({ imported: 1, unchanged: 0, superseded: 0, refused: 0 });
  exported1 = (await call(A, 'assessments.exportBundle', { id: doc.assessment.id, withAttachments: true })).json;
  doc.assessment.updatedOn = '2026-09-26T09:00:00+01:00';
  doc.assessment.analysis = `${doc.assessment.analysis} A correction of the sibling ages after the school's letter.`;
  const second = await call(A, 'bundles.import', { bundles: [file('compliant-v2.json', unsignedText(doc))], acceptUnsigned: true });
  expect(second.results[0]).toMatchObject({ outcome: 'superseded', keptVersion: 1 });
  exported2 = (await call(A, 'assessments.exportBundle', { id: doc.assessment.id, withAttachments: true })).json;
  adminFingerprint = A.storeSession.store.signing.knownCertificates()[0]!.certificateSha256;
});

describe('signed export', () => {
  it("is signed with the exporting user's certificate, over the canonical content", () => {
    const check = checkBundleSignature(exported1);
    expect(check).toMatchObject({ status: 'valid', signer: { certificateSha256: adminFingerprint, subject: expect.any(String) } });
    // the record's strict CMS verifier (electron/record/cms.ts) agrees with the bundle's lean one
    const doc = JSON.parse(exported1);
    const content = splitSignature(doc);
    if (!content.ok) throw new Error('split');
    const strict = checkSignedData(new Uint8Array(Buffer.from(doc.signature.cms, 'base64')), new Uint8Array(Buffer.from(content.content, 'utf8')));
    expect(strict).toMatchObject({ signatureValid: true, digestMatches: true, hasSigningCertificateV2: true, problems: [], certificateSha256: adminFingerprint });
    // layout is not content: the same document re-indented still verifies
    expect(checkBundleSignature(JSON.stringify(JSON.parse(exported1))).status).toBe('valid');
    const changed = JSON.parse(exported1);
    changed.assessment.youngPerson.statedAge = 19;
    expect(checkBundleSignature(changed)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/message digest/) });
  });

  it('is refused to a recovery-key session (no user key to sign with)', async () => {
    await call(A, 'store.lock', {});
    await call(A, 'store.unlockWithRecoveryKey', { recoveryKey });
    const id = JSON.parse(exported1).assessment.id;
    expect(await failure(A, 'assessments.exportBundle', { id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/own key/) });
    await call(A, 'store.lock', {});
    await call(A, 'store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  });
});

describe('signed import', () => {
  it('refuses a certificate this store does not know, showing its fingerprint; an administrator trusts it (audited)', async () => {
    const before = head(B);
    const r = await call(B, 'bundles.import', { bundles: [file('v1.json', exported1)] });
    expect(r.summary).toEqual({ imported: 0, unchanged: 0, superseded: 0, refused: 1 });
    expect(r.results[0]).toMatchObject({ outcome: 'refused', signer: { certificateSha256: adminFingerprint, known: 'unknown' } });
    expect(r.results[0].reason).toContain(adminFingerprint);
    expect(head(B)).toBe(before);

    // the fingerprint must be that bundle's signer
    expect(await failure(B, 'bundles.trustSigner', { bundle: file('v1.json', exported1), fingerprint: 'ab'.repeat(32) })).toMatchObject({ code: 'CONFLICT', field: 'fingerprint' });
    await call(B, 'store.lock', {});
    await call(B, 'store.unlock', { userName: MAX.name, passphrase: MAX.pass });
    expect(await failure(B, 'bundles.trustSigner', { bundle: file('v1.json', exported1), fingerprint: adminFingerprint })).toMatchObject({ code: 'FORBIDDEN' });
    await call(B, 'store.lock', {});
    await call(B, 'store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
    const trusted = await call(B, 'bundles.trustSigner', { bundle: file('v1.json', exported1), fingerprint: adminFingerprint });
    expect(trusted).toMatchObject({ certificateSha256: adminFingerprint, addedBy: ADMIN });
    expect(B.storeSession.store.audit.events({ entityType: 'bundle-signer' }).map((e) => e.action)).toEqual(['bundle-signer.trust']);
    expect((await call(B, 'bundles.signers', {})).signers.map((s: Any) => s.certificateSha256)).toEqual([adminFingerprint]);
  });

  it('imports once; the same bundle again changes nothing', async () => {
    await call(B, 'store.lock', {});
    await call(B, 'store.unlock', { userName: MAX.name, passphrase: MAX.pass });
    const r = await call(B, 'bundles.import', { bundles: [file('v1.json', exported1)] });
    expect(r.results[0]).toMatchObject({ outcome: 'imported', signer: { known: 'trusted' } });
    const after = head(B);
    const again = await call(B, 'bundles.import', { bundles: [file('v1.json', exported1), file('v1-copy.json', exported1)] });
    expect(again.summary).toEqual({ imported: 0, unchanged: 2, superseded: 0, refused: 0 });
    expect(head(B)).toBe(after);
  });

  it('a newer version supersedes the stored one, which stays retrievable; the older one again is unchanged', async () => {
    const id = JSON.parse(exported1).assessment.id;
    const stored1 = await call(B, 'assessments.get', { id });
    const r = await call(B, 'bundles.import', { bundles: [file('v2.json', exported2)] });
    expect(r.results[0]).toMatchObject({ outcome: 'superseded', keptVersion: 1 });
    expect((await call(B, 'assessments.get', { id })).analysis).toMatch(/A correction of the sibling ages/);
    const versions = await call(B, 'bundles.versions', { id });
    expect(versions.versions).toHaveLength(1);
    expect((await call(B, 'bundles.versions', { id, version: 1 })).assessment).toEqual(stored1);
    expect(await failure(B, 'bundles.versions', { id, version: 2 })).toMatchObject({ code: 'NOT_FOUND', field: 'version' });
    const after = head(B);
    const old = await call(B, 'bundles.import', { bundles: [file('v1.json', exported1), file('v2.json', exported2)] });
    expect(old.results.map((x: Any) => x.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(old.results[0].reason).toMatch(/version 1/);
    expect(head(B)).toBe(after);
    expect(B.storeSession.store.audit.verify().ok).toBe(true);
  });

  it('refuses an unsigned bundle unless an administrator accepts it, and audits the acceptance', async () => {
    const text = unsignedText(teamDoc(1));
    const before = head(B);
    const r = await call(B, 'bundles.import', { bundles: [file('unsigned.json', text)] });
    expect(r.results[0]).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^unsigned/) });
    expect(await failure(B, 'bundles.import', { bundles: [file('unsigned.json', text)], acceptUnsigned: true })).toMatchObject({ code: 'FORBIDDEN' });
    expect(head(B)).toBe(before);
    await call(B, 'store.lock', {});
    await call(B, 'store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
    const accepted = await call(B, 'bundles.import', { bundles: [file('unsigned.json', text)], acceptUnsigned: true });
    expect(accepted.results[0]).toMatchObject({ outcome: 'imported', acceptedUnsigned: true });
    const events = B.storeSession.store.audit.events({ entityType: 'bundle-import', entityId: 'team-00001' });
    expect(events.map((e) => [e.action, e.actor])).toEqual([['bundle.accept-unsigned', ADMIN]]);
  });

  it('one refused bundle among good ones: the others are written, the summary says which and why', async () => {
    const tampered = JSON.parse(exported2);
    tampered.assessment.decision.outcome = 'adult';
    const bad = `not json ${exported1}`;
    const r = await call(B, 'bundles.import', {
      bundles: [file('tampered.json', JSON.stringify(tampered)), file('bad.json', bad), file('v2.json', exported2)],
    });
    expect(r.summary).toEqual({ imported: 0, unchanged: 1, superseded: 0, refused: 2 });
    expect(r.results[0].reason).toMatch(/^tampered or damaged/);
    expect(r.results[1].reason).toMatch(/not valid JSON/);
  });
});
