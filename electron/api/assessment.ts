/**
 * The assessment workflow on the main side: one handler per intent. Each loads the assessment, asks
 * shared/domain/workflow.ts whether the signed-in person may do this now, and writes only what that
 * intent changes. The renderer runs the same rules for live feedback; the answer here is the one
 * that counts.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore } from './store';
import { actorOf, allow, loadAssessment, refusalError, storeOf } from './workflow';
import type { Assessment, DateAsTold } from '../../shared/domain/model';
import { CalendarError, withGregorian } from '../../shared/domain/calendars';
import { freshAssessmentState } from '../../shared/domain/fresh-assessment';
import { countryCodeFromWords, languageCodeFromWords, languageName } from '../../shared/domain/identity';
import {
  addAddendumRefusal,
  advanceRefusal,
  checkAssessment,
  acknowledgeWarningRefusal,
  departureRefusal,
  exportRefusal,
  reviewTransition,
  withdrawRefusal,
  roleRefusal,
  signAddendumRefusal,
} from '../../shared/domain/workflow';
import { exportBundle, TransferError } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';

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
      allow(roleRefusal(actorOf(ctx), 'create'));
      const now = new Date().toISOString();
      const taken = storeOf(ctx).assessments.list().some((s) => s.reference.toLowerCase() === input.reference.toLowerCase());
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
        ...freshAssessmentState(now),
        trafficking: { indicators: [], s51PresumptionApplied: false },
        timeline: [],
        evidence: [],
      };
      return storeOf(ctx).assessments.put(a);
    }),

  'assessments.check': (input, ctx) => guardStore(() => checkAssessment(loadAssessment(storeOf(ctx), input.id), new Date())),

  'assessments.advance': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      allow(advanceRefusal(actorOf(ctx), a, input.to, new Date()));
      const now = new Date().toISOString();
      return store.assessments.put({ ...a, stage: input.to, stageHistory: [...a.stageHistory, { stage: input.to, enteredOn: now }], updatedOn: now });
    }),

  'assessments.recordDeparture': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      allow(departureRefusal(actor, a, input.ruleId));
      const now = new Date().toISOString();
      const departure = { ruleId: input.ruleId, reason: input.reason, recordedBy: actor.name, recordedOn: now };
      return store.assessments.put({ ...a, departures: [...a.departures, departure], updatedOn: now });
    }),

  'assessments.acknowledgeWarning': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      const at = new Date();
      allow(acknowledgeWarningRefusal(actor, a, input.ruleId, at));
      const now = at.toISOString();
      // One answer per rule: a later note replaces the earlier one (the audit log keeps both).
      const ack = { ruleId: input.ruleId, note: input.note, byUserId: actor.userId!, byName: actor.name, at: now };
      return store.assessments.put({ ...a, acknowledgedWarnings: [...(a.acknowledgedWarnings ?? []).filter((w) => w.ruleId !== input.ruleId), ack], updatedOn: now });
    }),

  'assessments.addAddendum': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const actor = actorOf(ctx);
      allow(addAddendumRefusal(actor, loadAssessment(store, input.id)));
      return store.addenda.add(input.id, input.text, undefined, { userId: actor.userId!, name: actor.name });
    }),

  'assessments.signAddendum': (input, ctx) =>
    guardStore(async () => {
      const store = storeOf(ctx);
      const actor = actorOf(ctx);
      allow(signAddendumRefusal(actor, loadAssessment(store, input.id), input.addendumId));
      // Proves the signer holds their key, as for the record itself; a wrong passphrase is AUTH_FAILED.
      await store.signing.credentialsFor(actor.userId!, input.passphrase);
      return store.addenda.sign(input.id, input.addendumId);
    }),

  // The case stays in the store (and its audit chain); the reason is kept with it as a review entry.
  'assessments.withdraw': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      allow(withdrawRefusal(actor, a));
      const on = new Date().toISOString();
      return store.assessments.put({
        ...a,
        status: 'withdrawn',
        updatedOn: on,
        review: { ...a.review, comments: [...a.review.comments, { by: actor.name, on, text: input.reason, outcome: 'withdrawn' }] },
      });
    }),
  'assessments.review': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      const t = reviewTransition(actor, a, input.outcome);
      if ('refusal' in t) throw refusalError(t.refusal);
      const on = new Date().toISOString();
      const comment = { by: actor.name, on, text: input.text, outcome: input.outcome };
      // No authorisation here: that is the manager's signature on the record (record.countersign).
      const next: Assessment = { ...a, status: t.status, updatedOn: on, review: { ...a.review, comments: [...a.review.comments, comment] } };
      return store.assessments.put(next);
    }),

  'assessments.exportBundle': (input, ctx) =>
    guardStore(async () => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      allow(exportRefusal(actor, a, new Date()));
      // Every bundle is signed by the person exporting it, with the key their unlock opened (docs/bundle-format.md).
      const signer = store.bundles.sessionSigner();
      if (!signer) throw new ApiFailure('FORBIDDEN', "A bundle is signed with the exporting user's own key: unlock as a user, not with the recovery key, to export.");
      try {
        const { text } = await exportBundle(transferTarget(store), a.id, { withAttachments: input.withAttachments, exportedBy: actor.name, signer });
        return { fileName: `${a.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}.carefile.json`, json: text };
      } catch (err) {
        if (err instanceof TransferError) throw new ApiFailure('INVALID_INPUT', err.message);
        throw err;
      }
    }),
} satisfies Partial<HandlerMap>;
