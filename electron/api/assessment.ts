/**
 * The assessment workflow on the main side, where the safeguard engine is the authority: the
 * renderer runs the same rules for live feedback, but a stage change, a departure or an export is
 * decided here.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerMap } from './types';
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { storeSessionOf, guardStore } from './store';
import type { Assessment, DateAsTold } from '../../shared/domain/model';
import { CalendarError, withGregorian } from '../../shared/domain/calendars';
import { countryCodeFromWords, languageCodeFromWords, languageName } from '../../shared/domain/identity';
import { stageIndex, stageOrder, stageTitles } from '../../shared/domain/stages';
import { blocking, evaluate, presumption, ruleById, stageGate, type Finding } from '../../shared/safeguards/index';
import { exportBundle, TransferError } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';

function store(ctx: HandlerContext) {
  return storeSessionOf(ctx).store;
}

function actorName(ctx: HandlerContext): string {
  const s = store(ctx).session;
  return s.via === 'passphrase' ? s.displayName : 'Recovery key holder';
}

function load(ctx: HandlerContext, id: string): Assessment {
  const a = store(ctx).assessments.get(id);
  if (!a) throw new ApiFailure('NOT_FOUND', `There is no assessment ${id}.`, 'id');
  return a;
}

function blockMessage(what: string, missing: readonly Finding[]): ApiFailure {
  const lines = missing.map((f) => `${f.ruleId}: ${f.message}`).join(' ');
  return new ApiFailure('SAFEGUARD_BLOCK', `${what}: ${lines}`, missing[0]?.path);
}

function toldDate(d: NonNullable<Parameters<HandlerMap['assessments.create']>[0]['statedDob']>): DateAsTold {
  try {
    return withGregorian(d);
  } catch (err) {
    if (err instanceof CalendarError) throw new ApiFailure('INVALID_INPUT', err.message, 'statedDob');
    throw err;
  }
}

export const assessmentHandlers = {
  'assessments.create': (input, ctx) =>
    guardStore(() => {
      const now = new Date().toISOString();
      const taken = store(ctx).assessments.list().some((s) => s.reference.toLowerCase() === input.reference.toLowerCase());
      if (taken) throw new ApiFailure('CONFLICT', `Reference ${input.reference} is already used by another assessment.`, 'reference');
      const a: Assessment = {
        id: randomUUID(),
        reference: input.reference,
        youngPerson: {
          id: randomUUID(),
          nameLatin: input.nameLatin,
          nameOwnScript: input.nameOwnScript || undefined,
          statedAge: input.statedAge,
          statedDateOfBirth: input.statedDob ? toldDate(input.statedDob) : undefined,
          nationality: input.nationality || undefined,
          nationalityCode: input.nationalityCode ?? countryCodeFromWords(input.nationality),
          languages: input.language || input.languageCode ? [{ language: input.language || languageName(input.languageCode) || '', code: input.languageCode ?? languageCodeFromWords(input.language), firstLanguage: true }] : [],
          arrivalInUk: input.arrivalInUk,
          firstContact: input.firstContact ?? now,
          accommodation: input.accommodation ? { type: input.accommodation } : undefined,
        },
        route: { kind: input.route },
        reasonForDoubt: input.reasonForDoubt ? { text: input.reasonForDoubt, evidenceIds: [], obviousCaseWithoutInterview: false } : undefined,
        status: 'in-progress',
        stage: 'initial-presentation',
        stageHistory: [{ stage: 'initial-presentation', enteredOn: now }],
        createdOn: now,
        updatedOn: now,
        treatedAsStatedAge: true,
        trafficking: { indicators: [], s51PresumptionApplied: false },
        participants: [],
        informationRequests: [],
        explanation: {},
        consent: {},
        sessions: [],
        domains: [],
        timeline: [],
        evidence: [],
        adversePoints: [],
        sharing: { challengeRouteGiven: false, legalAdviceRightGiven: false, copies: [] },
        safeguardLog: [],
        departures: [],
        review: { comments: [] },
        signatures: [],
        addenda: [],
      };
      return store(ctx).assessments.put(a);
    }),

  'assessments.check': (input, ctx) =>
    guardStore(() => {
      const a = load(ctx, input.id);
      const now = new Date();
      const nextStage = stageOrder[stageIndex(a.stage) + 1];
      const gate = nextStage ? stageGate(a, nextStage, { now }) : undefined;
      return {
        presumption: presumption(a, now),
        findings: evaluate(a, { now }),
        next: nextStage && gate ? { stage: nextStage, title: stageTitles[nextStage], ok: gate.ok, missing: gate.missing } : undefined,
      };
    }),

  'assessments.advance': (input, ctx) =>
    guardStore(() => {
      const a = load(ctx, input.id);
      if (stageIndex(input.to) !== stageIndex(a.stage) + 1) {
        throw new ApiFailure('INVALID_INPUT', `From "${stageTitles[a.stage]}" the next stage is "${stageTitles[stageOrder[stageIndex(a.stage) + 1] ?? a.stage]}".`, 'to');
      }
      const gate = stageGate(a, input.to, { now: new Date() });
      if (!gate.ok) throw blockMessage(`"${stageTitles[input.to]}" cannot start yet`, gate.missing);
      const now = new Date().toISOString();
      return store(ctx).assessments.put({ ...a, stage: input.to, stageHistory: [...a.stageHistory, { stage: input.to, enteredOn: now }], updatedOn: now });
    }),

  'assessments.recordDeparture': (input, ctx) =>
    guardStore(() => {
      const a = load(ctx, input.id);
      const rule = ruleById.get(input.ruleId);
      if (!rule) throw new ApiFailure('INVALID_INPUT', `There is no safeguard rule ${input.ruleId}.`, 'ruleId');
      if (!rule.departable) {
        throw new ApiFailure('FORBIDDEN', `${rule.id} (${rule.title}) cannot be departed from: the law allows no exception here.`, 'ruleId');
      }
      const now = new Date().toISOString();
      const departure = { ruleId: rule.id, reason: input.reason, recordedBy: actorName(ctx), recordedOn: now };
      return store(ctx).assessments.put({ ...a, departures: [...a.departures, departure], updatedOn: now });
    }),

  'assessments.addAddendum': (input, ctx) =>
    guardStore(() => {
      load(ctx, input.id);
      return store(ctx).addenda.add(input.id, input.text, actorName(ctx));
    }),

  'assessments.signAddendum': (input, ctx) =>
    guardStore(async () => {
      const a = load(ctx, input.id);
      const addendum = a.addenda.find((x) => x.id === input.addendumId);
      if (!addendum) throw new ApiFailure('NOT_FOUND', 'There is no such addendum.', 'addendumId');
      const s = store(ctx).session;
      if (s.via !== 'passphrase') throw new ApiFailure('FORBIDDEN', 'An addendum is signed with your own passphrase, not the recovery key.');
      if (addendum.createdBy !== s.displayName) throw new ApiFailure('FORBIDDEN', `Only its author (${addendum.createdBy}) signs an addendum.`);
      // Proves the signer holds their key, as for the record itself; a wrong passphrase is AUTH_FAILED.
      await store(ctx).signing.credentialsFor(s.userId, input.passphrase);
      return store(ctx).addenda.sign(input.id, input.addendumId, actorName(ctx));
    }),

  'assessments.review': (input, ctx) =>
    guardStore(() => {
      const a = load(ctx, input.id);
      const s = store(ctx).session;
      if (s.via !== 'passphrase' || s.role !== 'manager') throw new ApiFailure('FORBIDDEN', 'Only a manager reviews and authorises assessments.');
      const now = new Date().toISOString();
      const signed = a.status === 'signed' || a.status === 'authorised' || a.signatures.length > 0;
      let status = a.status;
      if (input.outcome === 'returned') {
        if (signed) throw new ApiFailure('CONFLICT', 'A signed assessment cannot be returned: corrections are made by addendum.', 'outcome');
        status = 'returned';
      }
      if (input.outcome === 'authorised') {
        if (!signed) throw new ApiFailure('CONFLICT', 'Only a signed record can be authorised: the assessors sign first.', 'outcome');
        if (a.status === 'authorised') throw new ApiFailure('CONFLICT', 'This assessment is already authorised.', 'outcome');
        const assessorSigned = new Set(a.signatures.filter((x) => x.role === 'assessor').map((x) => x.userId));
        const missing = a.participants.filter((p) => p.role === 'assessor' && (!p.userId || !assessorSigned.has(p.userId)));
        if (missing.length > 0) throw new ApiFailure('SAFEGUARD_BLOCK', `Not yet signed by ${missing.map((p) => p.name).join(' and ')} (AA-30): authorise once both assessors have signed.`);
        status = 'authorised';
      }
      const comment = { by: s.displayName, on: now, text: input.text, outcome: input.outcome };
      return store(ctx).assessments.put({
        ...a,
        status,
        updatedOn: now,
        review: {
          ...a.review,
          comments: [...a.review.comments, comment],
          ...(input.outcome === 'authorised' ? { authorisedBy: s.displayName, authorisedOn: now } : {}),
        },
      });
    }),

  'assessments.exportBundle': (input, ctx) =>
    guardStore(async () => {
      const a = load(ctx, input.id);
      const blocks = blocking(evaluate(a, { now: new Date() }));
      if (blocks.length > 0) throw blockMessage('The assessment cannot be exported while safeguards are unmet', blocks);
      try {
        const { text } = await exportBundle(transferTarget(store(ctx)), a.id, { withAttachments: input.withAttachments, exportedBy: actorName(ctx) });
        return { fileName: `${a.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}.carefile.json`, json: text };
      } catch (err) {
        if (err instanceof TransferError) throw new ApiFailure('INVALID_INPUT', err.message);
        throw err;
      }
    }),
} satisfies Partial<HandlerMap>;
