import { describe, expect, it } from 'vitest';
import { freshStore, sampleAssessment, ADMIN, ADMIN_PASS, kdf } from './helpers';
import { openStore } from '../../../electron/store/index';
import { AssessmentLockedError, InvalidInputError } from '../../../electron/store/errors';

describe('assessments', () => {
  it('round-trips an assessment losslessly, across close and reopen', async () => {
    const { dataDir, store } = await freshStore();
    const a = sampleAssessment();
    store.assessments.put(a, ADMIN);
    expect(store.assessments.get(a.id)).toEqual(a);
    store.close();
    const again = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    expect(again.assessments.get(a.id)).toEqual(a);
    expect(again.assessments.list()).toEqual([
      { id: a.id, reference: a.reference, nameLatin: a.youngPerson.nameLatin, status: 'in-progress', stage: 'interviews', updatedOn: a.updatedOn },
    ]);
    expect(again.assessments.get('nope')).toBeUndefined();
    again.close();
  });

  it('refuses an invalid assessment with a typed error naming the field, and writes nothing', async () => {
    const { store } = await freshStore();
    const head = store.audit.head();
    const bad = { ...sampleAssessment(), reference: '' };
    expect(() => store.assessments.put(bad)).toThrow(InvalidInputError);
    try {
      store.assessments.put(bad);
    } catch (e) {
      expect((e as InvalidInputError).field).toBe('reference');
    }
    expect(store.audit.head()).toEqual(head);
    const dup = sampleAssessment('a-2');
    dup.participants.push({ ...dup.participants[0]! });
    expect(() => store.assessments.put(dup)).toThrow(/share the id/);
    expect(store.assessments.list()).toEqual([]);
    store.close();
  });

  it('locks a signed assessment: edits refused, signatures may be added, addenda audited', async () => {
    const { store } = await freshStore();
    const a = sampleAssessment();
    const signed = {
      ...a,
      status: 'signed' as const,
      signatures: [{ userId: 'u1', name: 'Ruth', role: 'assessor' as const, signedOn: '2026-02-03T10:00:00Z', certificateSha256: 'b'.repeat(64) }],
    };
    store.assessments.put(signed);
    const edited = { ...signed, analysis: 'changed after signing' };
    expect(() => store.assessments.put(edited)).toThrow(AssessmentLockedError);
    expect(() => store.assessments.put({ ...signed, status: 'in-progress' })).toThrow(AssessmentLockedError);
    expect(() => store.assessments.put({ ...signed, signatures: [] })).toThrow(AssessmentLockedError);
    // a second signature and authorisation are allowed
    const countersigned = {
      ...signed,
      status: 'authorised' as const,
      signatures: [...signed.signatures, { userId: 'u2', name: 'Mo', role: 'manager' as const, signedOn: '2026-02-04T10:00:00Z', certificateSha256: 'c'.repeat(64) }],
    };
    store.assessments.put(countersigned);
    const withAddendum = store.addenda.add(a.id, 'Date of arrival corrected to 3 January.');
    expect(withAddendum.addenda).toHaveLength(1);
    const signedAdd = store.addenda.sign(a.id, withAddendum.addenda[0]!.id);
    expect(signedAdd.addenda[0]!.signedOn).toBeTruthy();
    expect(store.assessments.get(a.id)).toEqual(signedAdd);
    const actions = store.audit.events({ entityType: 'assessment', entityId: a.id }).map((e) => e.action);
    expect(actions).toEqual(['assessment.create', 'assessment.update', 'addendum.add', 'addendum.sign']);
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });
});

describe('assessments: edits in place', () => {
  it('round-trips every kind of list edit: grow, shrink, reorder, change, attachments moved, decision removed', async () => {
    const { store } = await freshStore();
    const a = sampleAssessment('e-1');
    store.assessments.put(a);
    const ev = a.evidence;
    const variants = [
      { ...a, evidence: [...ev, { ...ev[0]!, id: 'e-9', title: 'new' }] },
      { ...a, evidence: [ev[2]!, ev[0]!, ev[1]!] },
      { ...a, evidence: [ev[0]!] },
      { ...a, evidence: [{ ...ev[1]!, attachments: ev[0]!.attachments }, { ...ev[0]!, attachments: [] }] },
      { ...a, evidence: [{ ...ev[1]!, summary: 'changed' }, ev[0]!], decision: undefined, participants: a.participants.slice(1) },
      { ...a, evidence: [], participants: [], sessions: [], adversePoints: [], safeguardLog: [], departures: [] },
      a,
    ];
    for (const v of variants) {
      const stored = store.assessments.put(v);
      expect(store.assessments.get(a.id)).toEqual(stored);
      const links = store.db.prepare('SELECT evidence_id, sha256 FROM evidence_attachment WHERE assessment_id = ? ORDER BY rowid').all(a.id);
      expect(links).toEqual(stored.evidence.flatMap((e) => e.attachments.map((x) => ({ evidence_id: e.id, sha256: x.sha256 }))));
    }
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });
});
