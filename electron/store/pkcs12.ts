import { OctetString } from 'asn1js';
import { webcrypto, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { AuthenticatedSafe, CertBag, CryptoEngine, EncryptedContentInfo, EncryptedData, KeyBag, PFX, PKCS8ShroudedKeyBag, SafeContents, setEngine } from 'pkijs';
import { InvalidInputError } from './errors';
import type { KeyAlgorithm } from './signing';

export interface Pkcs12Contents {
  pkcs8: Uint8Array;
  algorithm: KeyAlgorithm;
  certificateDer: Uint8Array;
}

const BAG = { keyBag: '1.2.840.113549.1.12.10.1.1', shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3' };
const X509_CERT_BAG = '1.2.840.113549.1.9.22.1';
const PBES2 = '1.2.840.113549.1.5.13';

// pkijs does its cryptography through WebCrypto: node's, set once.
setEngine('node', new CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const unreadable = (): InvalidInputError =>
  new InvalidInputError('The PKCS#12 file could not be opened: the password is wrong, or it is not a .p12/.pfx file.', 'p12');

/** Any encryption in the file that pkijs cannot open (the pre-2017 PKCS#12 ciphers: 3DES, RC2). */
function legacyCipher(p12: Uint8Array): boolean {
  // The pbeWithSHAAnd* OIDs (1.2.840.113549.1.12.1.x) as DER bytes: 2a 86 48 86 f7 0d 01 0c 01.
  return Buffer.from(p12).includes(Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01]));
}

/**
 * Reads a council-issued PKCS#12 (.p12/.pfx) with pkijs: the MAC is checked with the password
 * (RFC 7292 integrity mode), the encrypted safes and the shrouded key bag are decrypted (PBES2, as
 * OpenSSL 3 and current Windows write them), and the key must belong to the certificate.
 */
export async function readPkcs12(p12: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const pwd = new TextEncoder().encode(password).buffer;
  const keys: Uint8Array[] = [];
  const certs: Uint8Array[] = [];
  try {
    const pfx = PFX.fromBER(p12.slice().buffer);
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
    const safe = pfx.parsedValue?.authenticatedSafe as AuthenticatedSafe | undefined;
    if (!safe) throw unreadable();
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pwd })) });
    for (const contents of safe.parsedValue?.safeContents ?? []) {
      for (const bag of (contents.value as SafeContents).safeBags) {
        if (bag.bagId === BAG.shroudedKeyBag) {
          const shrouded = bag.bagValue as PKCS8ShroudedKeyBag;
          if (shrouded.encryptionAlgorithm.algorithmId !== PBES2) throw new Error('legacy');
          // What the bag's own (protected) parseInternalValues does, through the public EncryptedData API.
          const encrypted = new EncryptedData({ encryptedContentInfo: new EncryptedContentInfo({ contentEncryptionAlgorithm: shrouded.encryptionAlgorithm, encryptedContent: shrouded.encryptedData }) });
          keys.push(new Uint8Array(await encrypted.decrypt({ password: pwd })));
        } else if (bag.bagId === BAG.keyBag) {
          keys.push(new Uint8Array((bag.bagValue as KeyBag).toSchema().toBER()));
        } else if (bag.bagId === BAG.certBag && (bag.bagValue as CertBag).certId === X509_CERT_BAG) {
          const value = (bag.bagValue as CertBag).certValue;
          // pkijs keeps an X.509 certificate bag's value as the OCTET STRING holding the certificate DER.
          if (value instanceof OctetString) certs.push(new Uint8Array(value.getValue()));
          else if ('toSchema' in value) certs.push(new Uint8Array(value.toSchema().toBER()));
        }
      }
    }
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    if (legacyCipher(p12)) {
      throw new InvalidInputError(
        'This PKCS#12 file uses an old cipher (3DES or RC2) that Carefile does not open. Ask for it to be exported with AES-256 (OpenSSL 3 does by default; in Windows choose "AES256-SHA256"), or check the password.',
        'p12',
      );
    }
    throw unreadable();
  }
  if (keys.length !== 1) throw new InvalidInputError(keys.length ? 'The PKCS#12 file holds more than one private key; Carefile needs exactly one.' : 'The PKCS#12 file holds no private key Carefile can use.', 'p12');
  const privateKey = createPrivateKey({ key: Buffer.from(keys[0] as Uint8Array), format: 'der', type: 'pkcs8' });
  const pkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })); // node's normal form
  // The certificate for this key: the one whose public key is the key's own.
  const ownPublic = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const certificateDer = certs.find((c) => new X509Certificate(c).publicKey.export({ format: 'der', type: 'spki' }).equals(ownPublic));
  if (!certificateDer) throw new InvalidInputError('The PKCS#12 file holds no certificate for its private key.', 'p12');

  let algorithm: KeyAlgorithm;
  const details = privateKey.asymmetricKeyDetails;
  const curve = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[details?.namedCurve ?? ''] as 'P-256' | 'P-384' | 'P-521' | undefined;
  if (privateKey.asymmetricKeyType === 'ec' && curve) algorithm = { name: 'ECDSA', namedCurve: curve };
  else if (privateKey.asymmetricKeyType === 'rsa') algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  else throw new InvalidInputError(`The key in the PKCS#12 file (${privateKey.asymmetricKeyType ?? 'unknown'}) is not one Carefile can sign with (ECDSA or RSA).`, 'p12');
  return { pkcs8, algorithm, certificateDer };
}
