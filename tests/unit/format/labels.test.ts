/**
 * Every enum of the model has its words in shared/format/labels (issue 10: "no enum ids: every
 * enum has a label"): the test walks the model's schemas, finds each enum, and looks for the one
 * map whose keys are exactly its values. A new enum, or a new value in an old one, fails here
 * until its label is written.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../../../shared/domain/index';
import * as model from '../../../shared/domain/model';
import { enumLabels, evidenceKindOption, label } from '../../../shared/format/labels';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Each enum reachable from a schema, as its list of values. */
function enumsIn(schema: unknown, found: Map<string, string[]>, seen = new Set<unknown>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown) => enumsIn(s, found, seen);
  switch (def.type) {
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      found.set([...values].sort().join('|'), values);
      return;
    }
    case 'object':
      return Object.values(def.shape as Record<string, unknown>).forEach(walk);
    case 'array':
      return walk(def.element);
    case 'union':
      return (def.options as unknown[]).forEach(walk);
    case 'pipe':
      walk(def.in);
      return walk(def.out);
    case 'record':
      walk(def.keyType);
      return walk(def.valueType);
    default:
      if (def.innerType) walk(def.innerType);
  }
}

const schemas = (Object.values({ ...domain, ...model }) as unknown[]).filter((v) => v instanceof z.ZodType);
const enums = new Map<string, string[]>();
for (const s of schemas) enumsIn(s, enums);
const maps = Object.entries(enumLabels) as Array<[string, Record<string, string>]>;
const sameKeys = (m: Record<string, string>, values: string[]) => Object.keys(m).length === values.length && values.every((v) => v in m);

describe('enum labels', () => {
  it('finds the model’s enums (the walk reaches nested ones)', () => {
    expect(enums.size).toBeGreaterThanOrEqual(15);
    expect([...enums.values()].some((v) => v.includes('telephone'))).toBe(true);
    expect([...enums.values()].some((v) => v.includes('full-report'))).toBe(true);
  });

  it.each([...enums.values()].map((v) => [v.join(', '), v] as const))('has words for every value of [%s]', (_name, values) => {
    const covering = maps.filter(([, m]) => sameKeys(m, values));
    expect(covering.map(([n]) => n), `no labels map in shared/format/labels.ts covers exactly: ${values.join(', ')}`).not.toHaveLength(0);
  });

  it.each(maps)('%s: every label is words, not an enum id', (_name, m) => {
    for (const [id, words] of Object.entries(m)) {
      expect(words.trim(), id).not.toBe('');
      expect(words, id).not.toBe(id);
      // An id such as 'in-progress' or 'naab-referral' printed as it is.
      expect(words, id).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });

  it('adds the examples to an evidence kind in the editor only', () => {
    expect(evidenceKindOption('identity-document')).toBe('Identity document (passport, ID card, birth certificate)');
    expect(evidenceKindOption('appearance')).toBe('Observation of physical appearance');
  });

  it('reads an id of an unknown enum from the first map that has it', () => {
    expect(label('in-progress')).toBe('In progress');
    expect(label('not-an-id')).toBe('not-an-id');
    expect(label(undefined)).toBe('');
  });
});
