import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Assessment, type AssessmentInput } from '../../../shared/domain/model';
import { TEST_KDF } from '../../../electron/store/kdf';
import { initStore, openStore, type Store } from '../../../electron/store/index';

export const ADMIN = 'admin';
export const ADMIN_PASS = 'violet-harbour-lantern-42';
export const kdf = TEST_KDF;
export const MARKER = 'ZEBRAFINCH-MARKER-7731';

const dirs: string[] = [];
export function tempDir(prefix = 'carefile-store-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export async function freshStore(): Promise<{ dataDir: string; recoveryKey: string; store: Store }> {
  const dataDir = tempDir();
  const { recoveryKey } = await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
  const store = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
  return { dataDir, recoveryKey, store };
}

/** A full assessment touching every table, with the marker in free text. */
export function sampleAssessment(id = 'a-1', over: Partial<AssessmentInput> = {}): Assessment {
  return Assessment.parse({
    id,
    reference: `REF-${id}`,
    youngPerson: {
      id: `yp-${id}`,
      nameLatin: `Amanuel ${MARKER}`,
      nameOwnScript: 'አማኑኤል',
      statedAge: 16,
      statedDateOfBirth: { calendar: 'ethiopic', year: 2001, month: 4, day: 12, asSaid: 'Tahsas 2001', gregorian: '2008-12-21' },
      nationality: 'Eritrean',
      languages: [{ language: 'Tigrinya', firstLanguage: true }],
      arrivalInUk: '2026-01-04T09:00:00Z',
      firstContact: '2026-01-05T10:00:00+00:00',
      accommodation: { type: 'foster-care', since: '2026-01-06' },
    },
    route: { kind: 'council', referredBy: 'Kent police' },
    reasonForDoubt: { text: 'Documents not available; account inconsistent on school years.', evidenceIds: ['e-1'] },
    status: 'in-progress',
    stage: 'interviews',
    stageHistory: [{ stage: 'initial-presentation', enteredOn: '2026-01-05T10:00:00Z' }],
    createdOn: '2026-01-05T10:00:00Z',
    updatedOn: '2026-02-01T10:00:00Z',
    participants: [
      { id: 'p-1', role: 'assessor', name: 'Ruth Okafor', qualifiedSocialWorker: true, ageAssessmentExperience: true },
      { id: 'p-2', role: 'interpreter', name: 'Yonas T', language: 'Tigrinya', dialect: 'Asmara', mode: 'in-person' },
      { id: 'p-3', role: 'appropriate-adult', name: 'Jo Bell', independentOfCouncil: true },
    ],
    sessions: [
      {
        id: 's-1',
        start: '2026-01-20T10:00:00Z',
        end: '2026-01-20T12:00:00Z',
        place: 'contact centre',
        presentParticipantIds: ['p-1', 'p-2', 'p-3'],
        breaks: [{ start: '2026-01-20T11:00:00Z', end: '2026-01-20T11:15:00Z' }],
      },
    ],
    evidence: Array.from({ length: 3 }, (_, i) => ({
      id: `e-${i + 1}`,
      kind: 'young-persons-account',
      title: `Account ${i + 1}`,
      summary: `Said ${MARKER} about school`,
      weight: 'some',
      attachments:
        i === 0 ? [{ sha256: 'a'.repeat(64), name: 'letter.pdf', mediaType: 'application/pdf', size: 10 }] : [],
    })),
    adversePoints: [{ id: 'ap-1', text: 'School years do not add up', evidenceIds: ['e-1'], putOn: '2026-01-20T11:30:00Z', answer: 'Schools closed in the war' }],
    mindedTo: { heldOn: '2026-01-27T10:00:00Z', provisionalView: 'Likely a child' },
    decision: {
      outcome: 'child',
      ageLow: 15,
      ageHigh: 17,
      dateOfBirth: '2009-12-21',
      benefitOfDoubt: 'Given',
      reasons: [{ id: 'r-1', text: 'Consistent account', evidenceIds: ['e-1'] }],
      decidedOn: '2026-02-01T10:00:00Z',
    },
    safeguardLog: [
      { safeguard: 'two-assessors', used: true, recordedOn: '2026-01-20T10:00:00Z' },
      { safeguard: 'legal-representative', used: false, reason: 'none appointed yet', recordedOn: '2026-01-20T10:00:00Z' },
    ],
    departures: [{ ruleId: 'AA-22', reason: 'Met by video', recordedBy: 'Ruth', recordedOn: '2026-01-27T10:00:00Z' }],
    review: { comments: [{ by: 'Manager M', on: '2026-02-02T10:00:00Z', text: 'Fine', outcome: 'comment' }] },
    ...over,
  });
}
