/**
 * Errors for the forms layer, in one shape: a message per model path (`sessions.0.end`), whether it
 * came from the shared zod schema in the browser or from the main side's answer. The main side
 * names each problem as `path: text` and joins them with "; "; the client check speaks the same way,
 * so the page's error summary (ErrorSummary) reads both alike.
 */
import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { ApiError } from '../../../shared/contract';

/**
 * The main side's message when its error names this model path (or a field inside it), without the
 * path prefix (the message lists every issue as `path: text`, joined by "; ").
 */
export function errorAt(error: Pick<ApiError, 'field' | 'message'> | undefined, path: string): string | undefined {
  const field = error?.field;
  if (!field) return undefined;
  if (field !== path && !field.startsWith(`${path}.`)) return undefined;
  const own = error.message
    .split('; ')
    .filter((part) => part.startsWith(`${path}:`) || part.startsWith(`${path}.`))
    .map((part) => part.slice(part.indexOf(': ') + 2));
  return own.length > 0 ? own.join('; ') : error.message;
}

/** `path: text; path: text` → [path, text] pairs (a part without a path has path ''). */
export function splitProblems(message: string): Array<[string, string]> {
  return message
    .split('; ')
    .map((part): [string, string] => {
      const m = /^([A-Za-z][\w.-]*): (.*)$/s.exec(part);
      return m ? [m[1]!, m[2]!.trim()] : ['', part.trim()];
    })
    .filter(([, text]) => text !== '');
}

/** `path: text; path: text` → the texts, without their model paths. */
export function problemTexts(error: Pick<ApiError, 'message'>): string[] {
  return splitProblems(error.message).map(([, text]) => text);
}

interface Leaf {
  type?: unknown;
  message?: unknown;
}

/**
 * Every message react-hook-form holds at or under a model path, joined: a field that stands for a
 * whole object (the NRM referral, a date as told) shows the problems of the fields inside it.
 */
export function messageAt<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const leaf = n as Leaf;
    if (typeof leaf.type === 'string') {
      if (typeof leaf.message === 'string' && leaf.message) out.push(leaf.message);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'ref') walk(v);
  };
  walk(node);
  return out.length > 0 ? [...new Set(out)].join('; ') : undefined;
}

/** All messages as `path: text` pairs, in the order the form lists them. */
export function allMessages<T extends FieldValues>(errors: FieldErrors<T>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (n: unknown, path: string[]) => {
    if (!n || typeof n !== 'object') return;
    const leaf = n as Leaf;
    if (typeof leaf.type === 'string') {
      if (typeof leaf.message === 'string' && leaf.message) out.push([path.join('.'), leaf.message]);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'ref') walk(v, [...path, k]);
  };
  walk(errors, []);
  return out;
}

/** The problems as one ApiError, the shape the page's error summary and the save bar read. */
export function asApiError(problems: Array<[string, string]>): ApiError | undefined {
  if (problems.length === 0) return undefined;
  return { code: 'INVALID_INPUT', message: problems.map(([p, t]) => (p ? `${p}: ${t}` : t)).join('; '), field: problems[0]![0] || undefined };
}

/** `[path, message]` pairs as react-hook-form's nested errors. */
export function nestErrors(problems: Array<[string, string]>): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const [path, message] of problems) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] ??= { type: 'check', message };
  }
  return out as FieldErrors;
}

/** Whether any of the errors came from a form's own check (useAssessmentForm's `check`), not the schema. */
export function hasCheckErrors<T extends FieldValues>(errors: FieldErrors<T>): boolean {
  let found = false;
  const walk = (n: unknown) => {
    if (found || !n || typeof n !== 'object') return;
    const leaf = n as Leaf;
    if (typeof leaf.type === 'string') {
      found = leaf.type === 'check';
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'ref') walk(v);
  };
  walk(errors);
  return found;
}
