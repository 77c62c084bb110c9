import { describe, expect, it } from 'vitest';
import '../../../shared/zod-config';
import { partResolver } from '../../../renderer/src/forms/resolver';
import { blankNewAssessment, newAssessmentResolver } from '../../../renderer/src/screens/newAssessmentForm';
import { allMessages, asApiError, messageAt, nestErrors, problemTexts, splitProblems } from '../../../renderer/src/forms/errors';

const options = { fields: {}, shouldUseNativeValidation: false, criteriaMode: 'firstError' as const, names: [] };
type Form = { start: string; end: string };
const toPart = (f: Form) => ({ sessions: [{ id: 'session-1', start: f.start, end: f.end }] });

describe('a part form is checked by the part’s shared zod schema (renderer/src/forms)', () => {
  it('a valid form yields the part’s fields as the schema parses them (defaults filled in)', async () => {
    const resolve = partResolver<Form, 'sessions'>('sessions', toPart, () => []);
    const res = await resolve({ start: '2026-09-08T10:00:00.000Z', end: '2026-09-08T11:00:00.000Z' }, undefined, options);
    expect(res.errors).toEqual({});
    expect(res.values).toMatchObject({ sessions: [{ id: 'session-1', inDetention: false, breaks: [], presentParticipantIds: [] }] });
  });

  it('errors carry the model path and plain words, as the main side’s do', async () => {
    const resolve = partResolver<Form, 'sessions'>('sessions', toPart, () => []);
    const res = await resolve({ start: '2026-09-08T10:00:00.000Z', end: '' }, undefined, options);
    const message = messageAt(res.errors, 'sessions.0.end');
    expect(message).toBeDefined();
    expect(message).not.toMatch(/expected|Invalid/);
    expect(allMessages(res.errors).map(([path]) => path)).toEqual(['sessions.0.end']);
  });

  it('the form’s own check stops the save before the schema, with its own words', async () => {
    const resolve = partResolver<Form, 'sessions'>('sessions', toPart, (f) => (f.end ? [] : [['sessions.0.end', 'Give the date and time the session ended.']]));
    const res = await resolve({ start: '', end: '' }, undefined, options);
    expect(allMessages(res.errors)).toEqual([['sessions.0.end', 'Give the date and time the session ended.']]);
  });
});

describe('errors by model path, from the client or the main side, read alike', () => {
  it('splits the main side’s `path: text; path: text`, and rebuilds it for the summary', () => {
    const message = 'evidence.3.title: Enter this: it cannot be left empty.; rows.two-assessors.reason: Say why.';
    expect(splitProblems(message)).toEqual([
      ['evidence.3.title', 'Enter this: it cannot be left empty.'],
      ['rows.two-assessors.reason', 'Say why.'],
    ]);
    const again = asApiError(splitProblems(message));
    expect(again).toMatchObject({ code: 'INVALID_INPUT', field: 'evidence.3.title', message });
    expect(problemTexts(again!)).toEqual(['Enter this: it cannot be left empty.', 'Say why.']);
  });

  it('a field standing for an object shows the problems of the fields inside it', () => {
    const errors = nestErrors([
      ['trafficking.nrmReferral.date', 'Give a date as day, month and year.'],
      ['trafficking.screenedOn', 'Give a date as day, month and year.'],
    ]);
    expect(messageAt(errors, 'trafficking.nrmReferral')).toBe('Give a date as day, month and year.');
    expect(messageAt(errors, 'trafficking.policeInformed')).toBeUndefined();
  });
});

describe('the new-assessment form is checked by the shared schema of assessments.create', () => {
  it('an empty form names the reference and the name in plain words, by their model paths', async () => {
    const res = await newAssessmentResolver()(blankNewAssessment(), undefined, options);
    expect(allMessages(res.errors)).toEqual([
      ['reference', 'Give the council reference.'],
      ['nameLatin', 'Give the name as the young person says it.'],
    ]);
  });

  it('a stated age that is not a whole number, and a date of birth, are refused in plain words at their paths', async () => {
    const res = await newAssessmentResolver()({ ...blankNewAssessment(), reference: 'R-1', nameLatin: 'Amir', statedAge: '16.5', dob: { calendar: 'gregory', day: '', month: '14', year: '2010', asSaid: '' } }, undefined, options);
    const paths = allMessages(res.errors).map(([path]) => path);
    expect(paths).toEqual(['statedAge', 'statedDob.month']);
    for (const [, text] of allMessages(res.errors)) expect(text).not.toMatch(/expected|Invalid|Too (big|small)/);
  });

  it('a valid form yields the channel’s input, the date as told and the arrival as an instant', async () => {
    const res = await newAssessmentResolver()(
      { ...blankNewAssessment(), reference: ' R-2 ', nameLatin: 'Amir', statedAge: '16', dob: { calendar: 'persian', day: '1', month: '1', year: '1388', asSaid: '1 Hamal 1388' }, arrival: '2026-09-01T10:00', route: 'naab-referral' },
      undefined,
      options,
    );
    expect(res.errors).toEqual({});
    expect(res.values).toMatchObject({ reference: 'R-2', nameLatin: 'Amir', statedAge: 16, statedDob: { calendar: 'persian', year: 1388, month: 1, day: 1, asSaid: '1 Hamal 1388' }, route: 'naab-referral' });
    expect((res.values as { arrivalInUk?: string }).arrivalInUk).toMatch(/^2026-09-01T/);
  });
});
