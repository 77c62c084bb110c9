import { describe, expect, it } from 'vitest';
import { makeFixture } from '../../fixtures/record/assessment';
import { withdrawRefusal, type Actor } from '../../../shared/domain/workflow';
import type { Assessment } from '../../../shared/domain/model';

const sig = (userId: string, name: string, role: 'assessor' | 'manager' = 'assessor') => ({ userId, name, role, signedOn: '2026-02-25T10:00:00Z', certificateSha256: 'a'.repeat(64) });
const hannah: Actor = { role: 'assessor', userId: 'u-1', name: 'Hannah Clarke' };
const stranger: Actor = { role: 'assessor', userId: 'u-9', name: 'Someone Else' };
const sarah: Actor = { role: 'manager', userId: 'u-3', name: 'Sarah Whitfield' };

describe('withdrawing a case opened by mistake', () => {
  const base = makeFixture({ evidenceCount: 1, imageCount: 0 }).assessment;
  const at = (over: Partial<Assessment>): Assessment => ({ ...base, ...over });

  it('withdrawal: a named assessor or a manager, before signing, once', () => {
    const open = at({ status: 'in-progress', stage: 'interviews' });
    expect(withdrawRefusal(hannah, open)).toBeUndefined();
    expect(withdrawRefusal(sarah, open)).toBeUndefined();
    expect(withdrawRefusal(stranger, open)?.code).toBe('FORBIDDEN');
    expect(withdrawRefusal({ role: 'admin', name: 'Records Admin', userId: 'u-0' }, open)?.code).toBe('FORBIDDEN');
    expect(withdrawRefusal(hannah, at({ status: 'signed', signatures: [sig('u-1', 'Hannah Clarke')] }))?.code).toBe('LOCKED');
    expect(withdrawRefusal(hannah, at({ status: 'withdrawn' }))?.code).toBe('CONFLICT');
  });
});
