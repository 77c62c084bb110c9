import { z } from 'zod';

/** Every error a channel can return. The UI shows `message` next to `field` when one is given. */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'NOT_UNLOCKED',
  'AUTH_FAILED',
  'FORBIDDEN',
  'BACKOFF',
  'STORE_UNAVAILABLE',
  'SAFEGUARD_BLOCK',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorSchema = z.object({
  code: ErrorCode,
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  /** One line for docs and for the CLI's help. */
  summary: string;
  input: I;
  output: O;
  /** Error codes this channel may return besides INVALID_INPUT and INTERNAL. */
  errors: readonly ErrorCode[];
  /** Channels that work before the store is unlocked (app info, unlock itself). */
  public?: boolean;
  /**
   * For an output holding a list that reaches thousands of rows (the case list, the outcomes): the
   * strict schema of one row, and where the list is (`at`, a field of the output object; absent: the
   * output is the list). Outside tests, dispatch checks a spread sample of a long list's rows against
   * it instead of parsing every row, and the rest of the output whole
   * (docs/decisions/api-01-sampled-output-check.md); inputs are always parsed whole.
   */
  outputRows?: { row: z.ZodType; at?: string };
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

/** An input that takes no fields; strict so that stray keys are refused, not ignored. */
export const NoInput = z.object({}).strict();
