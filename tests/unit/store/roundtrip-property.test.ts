import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceKind, ParticipantRole, Weight } from '../../../shared/domain/model';
import { freshStore, sampleAssessment } from './helpers';

const text = fc.string({ unit: 'binary', maxLength: 60 });
const evidence = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    kind: fc.constantFrom(...EvidenceKind.options),
    title: text.filter((t) => t.length > 0),
    summary: fc.option(text, { nil: undefined }),
    weight: fc.constantFrom(...Weight.options),
    rejected: fc.boolean(),
    attachments: fc.array(
      fc.record({
        sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
        name: text,
        mediaType: fc.constantFrom('application/pdf' as const, 'image/png' as const, 'text/plain' as const),
        size: fc.nat(),
      }),
      { maxLength: 3 },
    ),
    receivedAfterDecision: fc.boolean(),
  }),
  { selector: (e) => e.id, maxLength: 8 },
);
const participants = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,8}$/), role: fc.constantFrom(...ParticipantRole.options), name: text.filter((t) => t.length > 0) }),
  { selector: (p) => p.id, maxLength: 5 },
);
const version = fc.record({ evidence, participants, analysis: fc.option(text, { nil: undefined }), nameLatin: text.filter((t) => t.length > 0) });

describe('assessments: property round trip', () => {
  it('after any sequence of puts, get returns exactly the last one, and the audit log accounts for it', async () => {
    const { store } = await freshStore();
    const base = sampleAssessment('prop');
    await fc.assert(
      fc.asyncProperty(fc.array(version, { minLength: 1, maxLength: 6 }), async (versions) => {
        for (const v of versions) {
          const next = { ...base, analysis: v.analysis, evidence: v.evidence, participants: v.participants, youngPerson: { ...base.youngPerson, nameLatin: v.nameLatin } };
          const stored = store.assessments.put(next);
          expect(store.assessments.get(base.id)).toEqual(stored);
        }
      }),
      { numRuns: 60 },
    );
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });
});
