/**
 * Records-officer and administrator channels: restore, doctor, audit verification and a user's
 * own PKCS#12. They serve the CLI (electron/cli) and any screen that needs them; the rules (who may
 * restore, what a restore warns about) live in their handlers, so every door gives the same answer.
 */
import { z } from 'zod';
import { channel, NoInput } from './define';

/** A file name inside the store's backups folder (no path ever crosses the boundary). */
const BackupFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'a file name in the backups folder (letters, digits, dots, dashes, underscores)');

const AuditHead = z.object({ seq: z.number().int().min(0), hash: z.string() });

/**
 * One problem the audit verifier found. Open-ended on purpose: new checks add new kinds (and
 * fields) without a change to this contract.
 */
export const AuditProblem = z
  .object({ kind: z.string(), message: z.string(), seq: z.number().int().optional(), entityType: z.string().optional(), entityId: z.string().optional() })
  .loose();

export const adminChannels = {
  'store.restore': channel({
    summary:
      'Replace the store with a backup from its backups folder (administrators or the recovery key, who confirm with their passphrase or the key; on a machine without a store, the raw data key). Warns when the backup is older than the store.',
    input: z
      .object({
        fileName: BackupFileName,
        /** The signed-in administrator's passphrase, asked again before the store is replaced. */
        passphrase: z.string().min(1).max(1024).optional(),
        /** The recovery key, when the session was unlocked with it. */
        recoveryKey: z.string().min(1).max(200).optional(),
        /** The raw data key (`carefile key reveal`), only where no store exists yet. */
        rawKey: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({
      storeId: z.string(),
      auditSeq: z.number().int(),
      /** The audit head the backup carried, and the head of the store it replaced (absent on a new machine). */
      backupHead: AuditHead,
      replacedHead: AuditHead.optional(),
      warnings: z.array(z.string()),
    }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'AUTH_FAILED', 'NOT_FOUND', 'STORE_UNAVAILABLE', 'CONFLICT'],
    public: true,
  }),
  'store.doctor': channel({
    summary: 'Check the store: files, key slots, lock and backoff; when unlocked also integrity_check, schema version, cipher and the audit chain.',
    input: NoInput,
    output: z.object({
      dataDir: z.string(),
      exists: z.boolean(),
      ok: z.boolean(),
      checks: z.array(z.object({ check: z.string(), ok: z.boolean(), detail: z.string() })),
    }),
    errors: ['STORE_UNAVAILABLE'],
    public: true,
  }),
  'audit.verify': channel({
    summary: 'Walk the audit chain and check the stored data against it; every problem found, each with its kind and message.',
    input: NoInput,
    output: z
      .object({
        ok: z.boolean(),
        events: z.number().int().min(0),
        head: AuditHead,
        firstBroken: z.object({ seq: z.number().int().optional(), entityType: z.string().optional(), entityId: z.string().optional(), reason: z.string() }).loose().optional(),
        problems: z.array(AuditProblem),
        /** One line per part checked (chain, signatures, head, triggers, users, certificates, key slots, attachments …). */
        checks: z.array(z.object({ check: z.string(), ok: z.boolean(), detail: z.string() })).default([]),
      })
      .loose(),
    errors: ['NOT_UNLOCKED'],
  }),
  'users.importP12': channel({
    summary: "Replace your own signing key and certificate with a PKCS#12 your organisation issued; your passphrase seals the key.",
    input: z
      .object({
        p12Base64: z.base64().max(1_000_000, 'A PKCS#12 file larger than 750 kB is not accepted.'),
        p12Password: z.string().max(1024),
        passphrase: z.string().min(1).max(1024),
      })
      .strict(),
    output: z.object({ userId: z.string(), name: z.string(), certificateSha256: z.string() }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'AUTH_FAILED'],
  }),
};
