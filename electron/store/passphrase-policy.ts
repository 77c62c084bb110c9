import { readFileSync } from 'node:fs';
import { InvalidInputError } from './errors';
import { resourcePath } from '../resources';

export const MIN_PASSPHRASE_LENGTH = 12;

let common: Set<string> | undefined;
function commonList(): Set<string> {
  common ??= new Set(
    readFileSync(resourcePath('commonPassphrases'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/** Letters and digits only, lower case: "Pass word-1234!" and "password1234" are the same guess. */
function squash(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Why a passphrase is refused, or undefined when it may be used. */
export function passphraseProblem(passphrase: string): string | undefined {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; several unrelated words are easiest to remember.`;
  }
  const list = commonList();
  const squashed = squash(passphrase);
  const letters = squashed.replace(/\p{N}/gu, '');
  const digits = squashed.replace(/\p{L}/gu, '');
  if (list.has(squashed) || (letters.length > 0 && list.has(letters) && (digits.length < 6)) || new Set(squashed).size < 5) {
    return 'That passphrase is one of the first that guessers try: choose another (several unrelated words work well).';
  }
  return undefined;
}

export function checkPassphrase(passphrase: string, field = 'passphrase'): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new InvalidInputError(problem, field);
}
