import { describe, expect, it } from 'vitest';
import { taskStatus } from '../../../renderer/src/editors/taskStatus';
import { sampleAssessment } from '../../fixtures/store/sample-assessment';
import type { Assessment } from '../../../shared/domain/model';

const base = (over: Partial<Assessment> = {}): Assessment => ({ ...sampleAssessment('t-1'), ...over });
const status = (a: Assessment, part: Parameters<typeof taskStatus>[0]['part'], extra: { findings?: string[]; paths?: string[]; draft?: boolean } = {}) =>
  taskStatus({ assessment: a, part, openFindingPaths: extra.findings ?? [], paths: extra.paths ?? [part], hasDraft: extra.draft ?? false }).status;

describe('task list status of a part', () => {
  it('is completed when recorded with no open finding in it, in progress when a finding points into it or a draft waits', () => {
    const a = base();
    expect(status(a, 'sessions')).toBe('completed');
    expect(status(a, 'sessions', { findings: ['sessions.0.breaks'] })).toBe('in-progress');
    expect(status(a, 'sessions', { findings: ['sessionsX'] })).toBe('completed');
    expect(status(a, 'sessions', { draft: true })).toBe('in-progress');
  });

  it('is not started when nothing is recorded, and cannot start until what it waits for is there', () => {
    const empty = base({ sessions: [], analysis: undefined, adversePoints: [], mindedTo: undefined, decision: undefined });
    expect(status(empty, 'sessions')).toBe('not-started');
    expect(taskStatus({ assessment: empty, part: 'analysis', openFindingPaths: [], paths: ['analysis'], hasDraft: false })).toEqual({ status: 'cannot-start', waitingFor: 'an interview session' });
    expect(status(empty, 'decision')).toBe('cannot-start');
    // A draft started anyway is shown as in progress, never hidden.
    expect(status(empty, 'analysis', { draft: true })).toBe('in-progress');
    expect(status(base({ analysis: undefined, adversePoints: [] }), 'analysis')).toBe('not-started');
  });
});
