import { z } from 'zod';
import { contract, isChannelName, type ApiError, type Result } from '../../shared/contract';
import { ApiFailure, machineFaultError } from './errors';
import type { HandlerContext } from './context';
import type { HandlerMap } from './types';
import { handlers as defaultHandlers } from './handlers';

function fieldOf(issue: z.core.$ZodIssue): string | undefined {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
}

/** The first issue names the field; the message lists them all so nothing is hidden. */
export function zodToApiError(error: z.ZodError): ApiError {
  const first = error.issues[0];
  const message = error.issues
    .map((i) => (fieldOf(i) ? `${fieldOf(i)}: ${i.message}` : i.message))
    .join('; ');
  const field = first ? fieldOf(first) : undefined;
  return field === undefined ? { code: 'INVALID_INPUT', message } : { code: 'INVALID_INPUT', message, field };
}

/**
 * The path of the first string in a parsed input that is not well-formed UTF-16 (a lone
 * surrogate), or undefined. Such a string cannot be stored as UTF-8 without changing (SQLite
 * writes U+FFFD), so what was hashed into the audit chain would differ from what is stored.
 */
export function malformedTextAt(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = malformedTextAt(v, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const found = malformedTextAt(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Whether a long list's rows are all parsed or a sample of them: CAREFILE_CHECK_OUTPUTS=all or
 * =sample; by default every row under Vitest (so each test checks every row a handler builds),
 * a sample elsewhere. Read at each call, so a test can ask for the production path.
 */
function checksEveryRow(): boolean {
  const asked = process.env.CAREFILE_CHECK_OUTPUTS;
  return asked === 'all' || (asked !== 'sample' && process.env.VITEST !== undefined);
}
/** A list this long or shorter is parsed whole even where a sample would do. */
export const SAMPLE_ROWS = 256;

/**
 * The output check of a channel that declares `outputRows` (a list reaching thousands of rows):
 * SAMPLE_ROWS rows spread evenly from a random start, plus the first and the last, each parsed
 * against the strict row schema. A row built wrongly by the handler's code is wrong in every row
 * of its kind, so a spread sample finds it; the full parse, which on 10,000 rows cost more than
 * building them, runs in every test (docs/decisions/api-01-sampled-output-check.md). Returns the
 * handler's own array (nothing to strip: the strict schema refuses unknown fields).
 */
function sampledRows(rows: unknown[], row: z.ZodType): boolean {
  const stride = Math.ceil(rows.length / SAMPLE_ROWS);
  const check = (i: number) => row.safeParse(rows[i]).success;
  if (!check(0) || !check(rows.length - 1)) return false;
  for (let i = Math.floor(Math.random() * stride); i < rows.length; i += stride) if (!check(i)) return false;
  return true;
}

/**
 * Whether an output with a long list passes the sampled check, or undefined where the whole output
 * is parsed instead (a short list, or not the shape declared). With `at`, the rest of the output is
 * parsed whole (the list left empty) and may hold no field the contract does not name.
 */
function sampledOutput(output: z.ZodType, value: unknown, { row, at }: { row: z.ZodType; at?: string }): boolean | undefined {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const rows = at === undefined ? value : isRecord(value) ? value[at] : undefined;
  if (!Array.isArray(rows) || rows.length <= SAMPLE_ROWS) return undefined;
  if (at !== undefined) {
    const rest = output.safeParse({ ...(value as Record<string, unknown>), [at]: [] });
    if (!rest.success || !isRecord(rest.data)) return false;
    const named = rest.data;
    if (Object.keys(value as Record<string, unknown>).some((k) => !(k in named))) return false;
  }
  return sampledRows(rows, row);
}

/**
 * The single entry to the main side. Validates the input against the contract, runs the handler,
 * validates the output (a handler bug must not leak malformed data), and maps every failure to
 * a typed error. Never throws. Never logs inputs: they may hold a young person's details.
 */
export async function dispatch(
  name: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
  handlers: HandlerMap = defaultHandlers,
): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such channel.' } };
  }
  const def = contract[name];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
  const malformed = malformedTextAt(parsed.data);
  if (malformed) {
    const field = malformed.join('.');
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${field || 'The input'}: the text holds a broken character (a lone UTF-16 surrogate).`, ...(field ? { field } : {}) },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const long = (def as { outputRows?: { row: z.ZodType; at?: string } }).outputRows;
    const sampled = long && !checksEveryRow() ? sampledOutput(def.output, value, long) : undefined;
    if (sampled === true) return { ok: true, value };
    if (sampled === false) return { ok: false, error: { code: 'INTERNAL', message: `The ${name} answer did not match its contract.` } };
    const out = def.output.safeParse(value);
    if (!out.success) {
      return { ok: false, error: { code: 'INTERNAL', message: `The ${name} answer did not match its contract.` } };
    }
    return { ok: true, value: out.data };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.toApiError() };
    const fault = machineFaultError(err);
    if (fault) return { ok: false, error: fault };
    // Only the error's class goes out: its message may quote stored data.
    const kind = err instanceof Error ? err.name : 'Error';
    return { ok: false, error: { code: 'INTERNAL', message: `Unexpected ${kind} in ${name}.` } };
  }
}
