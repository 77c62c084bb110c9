import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, parseBundle, stableJson } from '../../../shared/bundle';
import { schemaPath, schemaText } from '../../../scripts/gen-schema';
import { bundlesDir, loadBundleJson, type Loose } from '../safeguards/fixtures';

describe('parseBundle', () => {
  it('accepts every scenario bundle', () => {
    for (const name of ['compliant.json', 'same-day-interview.json', 'mature-features.json', 'adverse-points-not-put.json', 'documents-ignored.json', 'burden-of-proof.json']) {
      const r = parseBundle(readFileSync(`${bundlesDir}${name}`, 'utf8'));
      expect(r.ok, name).toBe(true);
    }
  });
  it('lists every error with its path, not just the first', () => {
    const b = loadBundleJson('compliant.json') as Loose;
    b.version = 'one';
    b.assessment.sessions[0].start = 'yesterday';
    b.assessment.youngPerson.statedDateOfBirth.calendar = 'julian';
    b.assessment.evidence[1].kind = 'rumour';
    delete b.assessment.reference;
    b.surprise = true;
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['version', 'assessment.sessions.0.start', 'assessment.youngPerson.statedDateOfBirth.calendar', 'assessment.evidence.1.kind', 'assessment.reference', '']),
    );
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(3);
  });
  it('refuses broken references and duplicate ids', () => {
    const b = loadBundleJson('compliant.json') as Loose;
    b.assessment.sessions[1].presentParticipantIds.push('p-ghost');
    b.assessment.evidence[2].id = b.assessment.evidence[1].id;
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['assessment.evidence.2.id', 'assessment.sessions.1.presentParticipantIds.4']);
  });
  it('says clearly when the text is not JSON, or from a newer version', () => {
    const r = parseBundle('{"format": ');
    expect(r.ok || r.errors[0]!.message).toMatch(/Not valid JSON/);
    const v = parseBundle({ ...loadBundleJson('compliant.json'), version: 2 });
    expect(v.ok || v.errors[0]!.message).toMatch(/newer/);
  });
});

describe('JSON Schema', () => {
  it('the committed schema equals the one generated from the zod schemas', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(schemaText());
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined, keeps array order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
  });
  it('is stable under key order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = canonicalJson(v);
        expect(canonicalJson(JSON.parse(s))).toBe(s);
        expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
    const a = loadBundleJson('compliant.json');
    const reversed = JSON.parse(JSON.stringify(a), function (this: unknown, _k, v) {
      return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
    });
    expect(canonicalJson(reversed)).toBe(canonicalJson(a));
    expect(stableJson(reversed)).toBe(stableJson(a));
  });
  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});
