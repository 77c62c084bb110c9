/**
 * zod's own messages ("Too small: expected string to have >=1 characters") in plain words for the
 * people who read them next to a field. Registered once as zod's global `customError`
 * (shared/zod-config.ts); a message written on a schema still wins. Returns undefined for anything
 * not covered, so zod's own words remain the fallback.
 */
import { label } from './labels';

interface IssueLike {
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  input?: unknown;
  format?: string;
  values?: readonly unknown[];
}

const formats: Record<string, string> = {
  date: 'Give a date as day, month and year.',
  datetime: 'Give a date and a time.',
  email: 'Give an email address, like name@example.org.',
  uuid: 'This is not a valid identifier.',
  base64: 'The file could not be read.',
};

export function plainZodMessage(issue: IssueLike): string | undefined {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Enter this: it cannot be left empty.' : `Write at least ${min} characters.`;
      if (issue.origin === 'number') return `Give a number of ${issue.inclusive === false ? 'more than' : 'at least'} ${min}.`;
      if (issue.origin === 'array') return min <= 1 ? 'Add at least one.' : `Add at least ${min}.`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Write at most ${max} characters.`;
      if (issue.origin === 'number') return `Give a number of ${issue.inclusive === false ? 'less than' : 'at most'} ${max}.`;
      if (issue.origin === 'array') return `Add at most ${max}.`;
      return undefined;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'This is needed.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Give a whole number.';
      return undefined;
    case 'invalid_format':
      return issue.format ? formats[issue.format] : undefined;
    case 'invalid_value':
      return issue.values && issue.values.length > 0 && issue.values.length <= 8 ? `Choose one of: ${issue.values.map((v) => label(String(v))).join(', ')}.` : 'Choose one of the options.';
    default:
      return undefined;
  }
}
