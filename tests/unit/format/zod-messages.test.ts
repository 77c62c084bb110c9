import { describe, expect, it } from 'vitest';
import '../../../shared/zod-config';
import { z } from 'zod';

const msg = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("zod's messages in plain words", () => {
  it('says what to do, not what the schema expected', () => {
    expect(msg(z.string().min(1), '')).toBe('Enter this: it cannot be left empty.');
    expect(msg(z.string().max(5), 'abcdefg')).toBe('Write at most 5 characters.');
    expect(z.object({ a: z.string() }).safeParse({}).error?.issues[0]?.message).toBe('This is needed.');
    expect(msg(z.iso.date(), '2026-13-40')).toBe('Give a date as day, month and year.');
    expect(msg(z.enum(['foster-care', 'adult-hotel']), 'x')).toBe('Choose one of: Foster care, Hotel for adults (asylum hotel).');
    expect(msg(z.number().int().min(0), -1)).toBe('Give a number of at least 0.');
  });

  it("leaves a schema's own message alone", () => {
    expect(msg(z.string().min(1, 'Write the correction.'), '')).toBe('Write the correction.');
  });
});
