/**
 * Developer tool, not part of the `carefile` CLI: composes a PDF record from an assessment JSON file
 * and signs it (or countersigns a record) with a PKCS#8 key and X.509 certificate in PEM, without a
 * store and without the safeguard engine. It used to be `carefile pdf --from-bundle/--key/--cert`;
 * it left the CLI because the CLI goes through the handler map only, and a record made around the
 * safeguards has no place in a product command (docs/decisions/0004-cli-through-the-handler-map.md).
 *
 *   npx tsx scripts/dev-record.ts --from-bundle A.json --key K.pem --cert C.pem --out one.pdf
 *   npx tsx scripts/dev-record.ts --countersign one.pdf --key K2.pem --cert C2.pem --out two.pdf
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Assessment } from '../shared/domain/model';
import { composeRecord } from '../electron/record/compose';
import { countersignRecord, RecordRefused } from '../electron/record/service';
import { signRecord } from '../electron/record/sign';

export class DevRecordError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

function read(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new DevRecordError(2, `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function fileSigner(keyFile: string, certFile: string, name?: string, role?: string) {
  try {
    const privateKey = createPrivateKey(readFileSync(keyFile));
    const cert = new X509Certificate(readFileSync(certFile));
    const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
    return { privateKey, certificateDer: new Uint8Array(cert.raw), name: name ?? cn ?? 'unknown', role: role ?? 'assessor' };
  } catch (e) {
    throw new DevRecordError(2, `cannot load the key or certificate: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Returns 0, 1 (refused) or 2 (usage); writes the PDF beside and renames it. */
export async function devRecord(argv: string[], err: (t: string) => void = (t) => process.stderr.write(`${t}\n`)): Promise<number> {
  try {
    const { values: o } = parseArgs({
      args: argv,
      options: {
        'from-bundle': { type: 'string' },
        countersign: { type: 'string' },
        key: { type: 'string' },
        cert: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
      },
    });
    if (!o.key || !o.cert || !o.out) throw new DevRecordError(2, '--key, --cert and --out are required');
    const signer = fileSigner(o.key, o.cert, o.name, o.role);
    let pdf: Uint8Array;
    if (o.countersign) pdf = await countersignRecord(read(o.countersign), signer);
    else if (o['from-bundle']) {
      const json = new TextDecoder().decode(read(o['from-bundle']));
      let parsed;
      try {
        parsed = Assessment.safeParse(JSON.parse(json));
      } catch (e) {
        throw new DevRecordError(2, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!parsed.success) throw new DevRecordError(2, `${o['from-bundle']} is not an assessment: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      const now = new Date();
      const composed = await composeRecord(
        parsed.data,
        {
          findings: [],
          presumption: 'Not given (composed from a file, without the safeguard engine).',
          auditHeadHash: 'none (composed from a file, outside a store)',
          attachments: () => undefined,
          recordJson: json,
        },
        // The body names the signer and time, as makeSignedRecord does for the store path.
        { now, signing: { name: signer.name, role: signer.role, at: now } },
      );
      pdf = await signRecord(composed, signer, { now });
    } else throw new DevRecordError(2, 'give --from-bundle FILE or --countersign FILE');
    const tmp = path.join(path.dirname(o.out), `.${path.basename(o.out)}.${process.pid}.tmp`);
    writeFileSync(tmp, pdf);
    renameSync(tmp, o.out);
    return 0;
  } catch (e) {
    if (e instanceof DevRecordError) {
      err(`dev-record: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof RecordRefused) {
      err(`dev-record: ${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && /Unknown option|argument/.test(e.message)) {
      err(`dev-record: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await devRecord(process.argv.slice(2));
}
