import { z } from 'zod';
import { channel, NoInput } from './define';
import { Assessment, AssessmentStatus, StageId } from '../domain/model';

export const Role = z.enum(['admin', 'assessor', 'manager']);
export const StoreState = z.enum(['uninitialised', 'locked', 'unlocked']);

const UserName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dots, dashes or underscores (1-64)');
/** Length and common-list rules are checked on the main side, which gives the reason. */
const Passphrase = z.string().min(1).max(1024);

export const UserInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  role: Role,
  createdOn: z.string(),
  removedOn: z.string().optional(),
  certificateSha256: z.string(),
});

export const StoreStatusSchema = z.object({
  state: StoreState,
  /** `id` (the store user id, absent for the recovery key) lets the screens find "my" cases. */
  user: z.object({ id: z.string().optional(), name: z.string(), displayName: z.string(), role: Role }).optional(),
  /** Milliseconds before another unlock attempt is allowed (0: now). */
  backoffMs: z.number().int().min(0),
  /**
   * In the answer to an unlock only: whether the person who signed in is the one who held the last
   * session since the app started (after a lock, idle or pressed, they go back to the screen they
   * left; anyone else starts from their own list). Absent at the first sign-in.
   */
  resumes: z.boolean().optional(),
});

/** An assessor as the list shows them: the name written on the assessment, and the store user it is linked to. */
export const ListAssessorSchema = z.object({ name: z.string(), userId: z.string().optional() });

/**
 * One row of `assessments.list`, read from the summary kept at save time (never the whole
 * assessment). Absent fields are unknown or not yet recorded.
 */
export const AssessmentSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  nameLatin: z.string(),
  nameOwnScript: z.string().optional(),
  /** Nationality as told, and its ISO 3166-1 alpha-2 code. */
  nationality: z.string().optional(),
  nationalityCode: z.string().optional(),
  /** First language as told, and its ISO 639-3 code. */
  firstLanguage: z.string().optional(),
  firstLanguageCode: z.string().optional(),
  status: AssessmentStatus,
  stage: StageId,
  /** Last change (ISO instant); `updatedOn` is the same value under its older name. */
  updatedOn: z.string(),
  updatedAt: z.string(),
  createdAt: z.string(),
  /** The decision's instant, once decided. */
  decidedAt: z.string().optional(),
  outcome: z.enum(['child', 'adult']).optional(),
  /** How the young person is treated now: stated age, s.51 presumption, or the decision. */
  presumption: z.string().optional(),
  presumptionKind: z.enum(['decided', 's51', 'stated-age']).optional(),
  assessors: z.array(ListAssessorSchema),
  /** Safeguard findings as at the last save: blocking ones, and warnings not covered by a departure. */
  blocking: z.number().int(),
  warnings: z.number().int(),
  /** Signed at least once: the linked assessors who have not signed yet (their action). */
  awaitingCountersignBy: z.array(z.string()),
  /** Signed by every named assessor and not yet authorised: a manager's action. */
  awaitingAuthorisation: z.boolean(),
});

export const storeChannels = {
  'store.status': channel({
    summary: 'Whether a store exists here, is locked or unlocked, who is signed in, and any unlock backoff.',
    input: NoInput,
    output: StoreStatusSchema,
    errors: ['STORE_UNAVAILABLE'],
    public: true,
  }),
  'store.init': channel({
    summary: 'Create the store and its first administrator; returns the recovery key, shown once.',
    input: z.object({ adminName: UserName, adminDisplayName: z.string().max(200).optional(), passphrase: Passphrase }).strict(),
    output: z.object({ recoveryKey: z.string(), storeId: z.string().optional() }),
    errors: ['CONFLICT', 'STORE_UNAVAILABLE'],
    public: true,
  }),
  'store.unlock': channel({
    summary: 'Unlock with a user name and passphrase.',
    input: z.object({ userName: z.string().min(1).max(64), passphrase: Passphrase }).strict(),
    output: StoreStatusSchema,
    errors: ['AUTH_FAILED', 'BACKOFF', 'STORE_UNAVAILABLE'],
    public: true,
  }),
  'store.unlockWithRecoveryKey': channel({
    summary: 'Unlock with the recovery key (administrator powers: reset a forgotten passphrase).',
    input: z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    output: StoreStatusSchema,
    errors: ['AUTH_FAILED', 'BACKOFF', 'STORE_UNAVAILABLE'],
    public: true,
  }),
  'store.lock': channel({
    summary: 'Lock the store: close it and forget the key.',
    input: NoInput,
    output: StoreStatusSchema,
    errors: [],
    public: true,
  }),
  'store.backup': channel({
    summary:
      'Back up the whole store (encrypted, owner-only) into the backups folder of the data directory (administrators only); returns the file name. Only the newest backups are kept (settings.backupKeep): the names removed are listed.',
    input: NoInput,
    output: z.object({ fileName: z.string(), size: z.number().int(), removed: z.array(z.string()).default([]) }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'STORE_UNAVAILABLE'],
  }),
  'users.list': channel({
    summary: 'The current users and their roles.',
    input: z.object({ includeRemoved: z.boolean().optional() }).strict(),
    output: z.array(UserInfoSchema),
    errors: ['NOT_UNLOCKED'],
  }),
  'users.add': channel({
    summary: 'Add a user with a role and a first passphrase (administrators only).',
    input: z.object({ name: UserName, displayName: z.string().max(200).optional(), role: Role, passphrase: Passphrase }).strict(),
    output: UserInfoSchema,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'CONFLICT'],
  }),
  'users.passwd': channel({
    summary: "Change a passphrase: your own (give the current one) or, as an administrator, reset someone else's.",
    input: z.object({ name: z.string().min(1).max(64), newPassphrase: Passphrase, currentPassphrase: Passphrase.optional() }).strict(),
    output: UserInfoSchema,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'NOT_FOUND', 'AUTH_FAILED'],
  }),
  'users.remove': channel({
    summary: 'Remove a user (administrators only); their past signatures stay verifiable.',
    input: z.object({ name: z.string().min(1).max(64) }).strict(),
    output: UserInfoSchema,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  'assessments.list': channel({
    summary: 'Every assessment in the store, newest change first.',
    input: NoInput,
    output: z.array(AssessmentSummarySchema),
    // 10,000 rows: a sample of them is checked, each strictly (no field the contract does not name).
    outputRows: { row: AssessmentSummarySchema.strict() },
    errors: ['NOT_UNLOCKED'],
  }),
  'assessments.get': channel({
    summary: 'One assessment, whole.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND'],
  }),
};
