import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditSigner } from './audit';
import type { Db } from './db';
import { sha256Hex } from './canonical';
import { open, seal } from './sealed';
import type { OpenedSigningKey } from './signing';

/**
 * Per-event signatures (docs/decisions/store-06-signed-audit-events.md). A session signs with
 * the key of the person who unlocked: a user's own signing key (sealed under their passphrase)
 * or, for a recovery-key session, an Ed25519 key sealed under the recovery key. So rewriting the
 * chain needs the keys of everyone whose events it holds, not just the data key.
 */

/** What is signed: the purpose, the store and the text, so a signature cannot be replayed elsewhere. */
export function signedMessage(purpose: 'event' | 'head', storeId: string, text: string): Buffer {
  return Buffer.from(`carefile/audit-${purpose}/v1\n${storeId}\n${text}`, 'utf8');
}

function digestFor(key: KeyObject): string | null {
  // Ed25519 hashes internally; ECDSA and RSA (PKCS#1 v1.5, or PSS for rsa-pss keys) over SHA-256
  return key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
}

export function signBytes(key: KeyObject, data: Buffer): string {
  return sign(digestFor(key), data, key).toString('base64');
}

export function verifyBytes(key: KeyObject, data: Buffer, sigB64: string): boolean {
  try {
    return verify(digestFor(key), data, key, Buffer.from(sigB64, 'base64'));
  } catch {
    return false;
  }
}

export interface SessionSigner extends AuditSigner {
  storeId: string;
  /** The public half, to check the private key against the certificate the store holds. */
  publicKey: KeyObject;
  /** For the signed head (audit-head.ts); never leaves the store folder. */
  privateKey: KeyObject;
}

function makeSigner(storeId: string, signer: string, keyId: string, privateKey: KeyObject): SessionSigner {
  return {
    storeId,
    signer,
    keyId,
    privateKey,
    publicKey: createPublicKey(privateKey),
    sign: (hash) => signBytes(privateKey, signedMessage('event', storeId, hash)),
  };
}

/** A user's session signer, from their unsealed signing key; keyId is their current certificate's SHA-256. */
export function userSigner(storeId: string, userId: string, certificateSha256: string, key: OpenedSigningKey): SessionSigner {
  return makeSigner(storeId, userId, certificateSha256, createPrivateKey({ key: key.pkcs8, format: 'der', type: 'pkcs8' }));
}

/** The public key of a certificate, or undefined if the bytes are not one. */
export function certificatePublicKey(der: Uint8Array): KeyObject | undefined {
  try {
    return new X509Certificate(der).publicKey;
  } catch {
    return undefined;
  }
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
}

function recoveryKeyAad(storeId: string): string {
  return `carefile/audit-key/v1/${storeId}/recovery`;
}

/** A fresh Ed25519 key for recovery-key sessions, sealed under the recovery slot's key-encryption key. */
export function newRecoveryAuditKey(storeId: string, recoveryKek: Uint8Array): { id: string; publicKeyDer: Buffer; sealed: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  return { id: sha256Hex(publicKeyDer), publicKeyDer, sealed: JSON.stringify(seal(recoveryKek, pkcs8, recoveryKeyAad(storeId))) };
}

export function insertRecoveryAuditKey(db: Db, key: { id: string; publicKeyDer: Buffer; sealed: string }): void {
  db.prepare("INSERT INTO audit_key (id, kind, public_key, sealed, created_on) VALUES (?, 'recovery', ?, ?, ?)").run(
    key.id,
    key.publicKeyDer,
    key.sealed,
    new Date().toISOString(),
  );
}

/** The recovery session's signer, or undefined when the store has no recovery audit key yet (or it does not open). */
export function recoverySigner(db: Db, storeId: string, recoveryKek: Uint8Array): SessionSigner | undefined {
  const row = db.prepare("SELECT id, sealed FROM audit_key WHERE kind = 'recovery' ORDER BY created_on DESC LIMIT 1").get() as
    | { id: string; sealed: string }
    | undefined;
  if (!row) return undefined;
  const pkcs8 = open(recoveryKek, JSON.parse(row.sealed), recoveryKeyAad(storeId));
  if (!pkcs8) return undefined;
  return makeSigner(storeId, 'recovery', row.id, createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
}

/** Resolves (signer, keyId) to a public key the store knows, or explains why not. */
export function publicKeyFor(db: Db, signer: string, keyId: string): KeyObject | string {
  if (signer === 'recovery') {
    const row = db.prepare("SELECT public_key FROM audit_key WHERE id = ? AND kind = 'recovery'").get(keyId) as { public_key: Buffer } | undefined;
    if (!row) return `its recovery signing key ${keyId.slice(0, 12)} is not known to this store`;
    if (sha256Hex(row.public_key) !== keyId) return `the recovery signing key ${keyId.slice(0, 12)} was replaced`;
    return createPublicKey({ key: row.public_key, format: 'der', type: 'spki' });
  }
  const row = db.prepare('SELECT user_id, der FROM user_certificate WHERE sha256 = ?').get(keyId) as { user_id: string; der: Buffer } | undefined;
  if (!row || row.user_id !== signer) return `its signer's certificate ${keyId.slice(0, 12)} is not known to this store`;
  if (sha256Hex(row.der) !== keyId) return `the certificate ${keyId.slice(0, 12)} was replaced`;
  return certificatePublicKey(row.der) ?? `the certificate ${keyId.slice(0, 12)} is damaged`;
}
