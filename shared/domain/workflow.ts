/**
 * Who may do what to an assessment, in which state: the one place that decides it. Pure (no store,
 * no clock of its own): the handlers in electron/api/ load the assessment, ask here, and either
 * throw the refusal or write the change this module describes. The renderer may ask too, to grey
 * out a button, but the main side's answer is the one that counts.
 *
 * docs/decisions/0007-intent-channels-and-workflow.md explains the choices; the table below is
 * also printed there.
 */
import type { Assessment, Participant, StageId } from './model';
import { stageIndex, stageOrder, stageTitles } from './stages';
import type { PartName } from './parts';
import { blocking, evaluate, presumption, ruleById, stageGate, type Finding } from '../safeguards/index';
import { roleMay, type Action, type Role } from './roles';

export { roleMay, type Action, type Role } from './roles';

/** The signed-in person as the workflow sees them. The recovery key has no user id and the admin role. */
export interface Actor {
  role: Role;
  userId?: string;
  /** The name shown on the record (display name). */
  name: string;
}

/** The workflow's actor for a store session (the store's own type, described structurally to keep this module pure). */
export function actorFor(s: { via: 'passphrase'; userId: string; displayName: string; role: Role } | { via: 'recovery-key' }): Actor {
  return s.via === 'passphrase' ? { role: s.role, userId: s.userId, name: s.displayName } : { role: 'admin', name: 'Recovery key holder' };
}


export interface Refusal {
  code: 'FORBIDDEN' | 'LOCKED' | 'CONFLICT' | 'SAFEGUARD_BLOCK' | 'INVALID_INPUT' | 'NOT_FOUND';
  message: string;
  field?: string;
}

const refuse = (code: Refusal['code'], message: string, field?: string): Refusal => (field === undefined ? { code, message } : { code, message, field });

const actionWords: Record<Action, string> = {
  read: 'read assessments',
  create: 'start an assessment',
  saveContent: 'change what an assessment says',
  advance: 'move an assessment to its next stage',
  recordDeparture: 'record a departure from a safeguard',
  acknowledgeWarning: 'answer a safeguard warning',
  comment: 'comment as a reviewer',
  return: 'return an assessment to its assessors',
  authorise: 'authorise an assessment',
  sign: 'sign a record',
  countersign: 'countersign a record',
  addAddendum: 'add an addendum',
  signAddendum: 'sign an addendum',
  linkParticipant: 'link the people on an assessment to store users',
  import: 'import assessment bundles',
  importUnsigned: 'accept an unsigned bundle',
  trustBundleSigner: 'trust a certificate for signed bundles',
  export: 'export an assessment',
  audit: "read the team's quality figures",
  reopen: 'reopen a decided assessment for reassessment',
  recordOverturned: 'record that a decision was overturned',
  backup: 'back up the store',
  changeSettings: "change the store's settings",
  withdraw: 'withdraw an assessment',
};
const roleWords: Record<Role, string> = { admin: 'an administrator', assessor: 'an assessor', manager: 'a manager' };

/** FORBIDDEN unless the actor's role may take this action at all. */
export function roleRefusal(actor: Actor, action: Action): Refusal | undefined {
  if (roleMay[action].includes(actor.role)) return undefined;
  const who = actor.userId === undefined ? 'the recovery key holder' : roleWords[actor.role];
  const may = roleMay[action].map((r) => `${roleWords[r].replace(/^an? /, '')}s`).join(' and ');
  return refuse('FORBIDDEN', `As ${who} you cannot ${actionWords[action]}: only ${may} can.`);
}

// ---------------------------------------------------------------------------------------------
// The lock

/** Signed (or authorised): the signed content is frozen; later corrections are addenda (AA-31). */
export function isLocked(a: Pick<Assessment, 'status' | 'signatures'>): boolean {
  return a.status === 'signed' || a.status === 'authorised' || a.signatures.length > 0;
}

/**
 * What may still change once an assessment is signed: the workflow's own bookkeeping, and the
 * sharing of the decision (AA-27, AA-28 can only be met after the decision is signed), with the
 * move into the sharing stage. Everything else is covered by the signatures.
 */
export const openAfterSigning = ['status', 'updatedOn', 'signatures', 'review', 'addenda', 'stage', 'stageHistory', 'sharing', 'reassessedBy', 'overturned'] as const satisfies ReadonlyArray<keyof Assessment>;

/** Parts that stay open after signing (see `openAfterSigning`). */
const partsOpenAfterSigning: ReadonlySet<PartName> = new Set<PartName>(['sharing']);

/** Whether a part may still be saved (by someone allowed to edit): not locked, or open after signing. */
export function isPartOpen(a: Pick<Assessment, 'status' | 'signatures'>, part: PartName): boolean {
  return !isLocked(a) || partsOpenAfterSigning.has(part);
}

/** The status a signature leaves: signed, unless already authorised (a manager's later signature). */
export function statusAfterSignature(a: Pick<Assessment, 'status'>): Assessment['status'] {
  return a.status === 'authorised' ? 'authorised' : 'signed';
}

// ---------------------------------------------------------------------------------------------
// Content and stages

/** An assessment reopened on new information is finished: work goes on in its reassessment. */
function reassessedRefusal(a: Pick<Assessment, 'reassessedBy'>): Refusal | undefined {
  if (!a.reassessedBy) return undefined;
  return refuse('LOCKED', `This assessment was reopened on new information: the work goes on in its reassessment ${a.reassessedBy.reference}.`);
}

export function saveRefusal(actor: Actor, a: Assessment, part: PartName): Refusal | undefined {
  const byRole = roleRefusal(actor, 'saveContent');
  if (byRole) return byRole;
  const reassessed = reassessedRefusal(a);
  if (reassessed) return reassessed;
  if (a.status === 'withdrawn') return refuse('LOCKED', 'This assessment was withdrawn: it can be read, not changed.');
  if (!isPartOpen(a, part)) {
    return refuse('LOCKED', 'This assessment is signed and locked: a correction is made by addendum.');
  }
  return undefined;
}

/** Linking a participant to a store user (who may then sign as them): assessors and managers, until signed. */
export function linkParticipantRefusal(actor: Actor, a: Pick<Assessment, 'status' | 'signatures'>): Refusal | undefined {
  const byRole = roleRefusal(actor, 'linkParticipant');
  if (byRole) return byRole;
  if (isLocked(a)) return refuse('LOCKED', 'The assessment is signed: who signed it cannot be changed (add an addendum instead).', 'id');
  return undefined;
}

export function nextStageOf(a: Pick<Assessment, 'stage'>): StageId | undefined {
  return stageOrder[stageIndex(a.stage) + 1];
}

export function advanceRefusal(actor: Actor, a: Assessment, to: StageId, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'advance');
  if (byRole) return byRole;
  const reassessed = reassessedRefusal(a);
  if (reassessed) return reassessed;
  const next = nextStageOf(a);
  if (to !== next) {
    return refuse('INVALID_INPUT', next ? `From "${stageTitles[a.stage]}" the next stage is "${stageTitles[next]}".` : 'This assessment is at its last stage.', 'to');
  }
  if (isLocked(a) && to !== 'sharing') return refuse('LOCKED', 'This assessment is signed and locked: only the sharing of the decision can follow.');
  const gate = stageGate(a, to, { now });
  if (!gate.ok) return blockRefusal(`"${stageTitles[to]}" cannot start yet`, gate.missing);
  return undefined;
}

export function departureRefusal(actor: Actor, a: Assessment, ruleId: string): Refusal | undefined {
  const byRole = roleRefusal(actor, 'recordDeparture');
  if (byRole) return byRole;
  const reassessed = reassessedRefusal(a);
  if (reassessed) return reassessed;
  if (isLocked(a)) return refuse('LOCKED', 'This assessment is signed and locked: a departure can no longer be recorded.');
  const rule = ruleById.get(ruleId);
  if (!rule) return refuse('INVALID_INPUT', `There is no safeguard rule ${ruleId}.`, 'ruleId');
  if (!rule.departable) return refuse('FORBIDDEN', `${rule.id} (${rule.title}) cannot be departed from: the law allows no exception here.`, 'ruleId');
  return undefined;
}

/**
 * The warnings open at signing: "should" findings of the rules up to the decision, not covered by a
 * departure (a covered block is a warning with its departure: it is answered already). The rules of
 * the sharing stage can only be met after signing, so they are not asked about here.
 */
export function openWarnings(a: Assessment, now: Date): Finding[] {
  return evaluate(a, { now, asAtStage: signingStage }).filter((f) => f.severity === 'warn' && f.departure === undefined);
}

/** Open warnings no assessor has answered with a note yet: signing waits for each (decision record-warnings-and-declaration). */
export function unansweredWarnings(a: Assessment, now: Date): Finding[] {
  const answered = new Set((a.acknowledgedWarnings ?? []).map((w) => w.ruleId));
  return openWarnings(a, now).filter((f) => !answered.has(f.ruleId));
}

/** Answering a warning: an assessor named on the assessment, before it is signed, for a warning open now. */
export function acknowledgeWarningRefusal(actor: Actor, a: Assessment, ruleId: string, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'acknowledgeWarning');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'A warning is answered under your own name, not with the recovery key.');
  if (isLocked(a)) return refuse('LOCKED', 'This assessment is signed and locked: a warning can no longer be answered (add an addendum instead).');
  if (!isNamedAssessor(a, actor.userId)) return refuse('FORBIDDEN', 'Only the assessors named on this assessment (and linked to their Carefile users) answer its warnings.');
  if (!ruleById.has(ruleId)) return refuse('INVALID_INPUT', `There is no safeguard rule ${ruleId}.`, 'ruleId');
  if (!openWarnings(a, now).some((f) => f.ruleId === ruleId)) return refuse('CONFLICT', `${ruleId} is not an open warning on this assessment, so there is nothing to answer.`, 'ruleId');
  return undefined;
}

export function blockRefusal(what: string, missing: readonly Finding[]): Refusal {
  return refuse('SAFEGUARD_BLOCK', `${what}: ${missing.map((f) => `${f.ruleId}: ${f.message}`).join(' ')}`, missing[0]?.path);
}

/** Every finding, the presumption and the gate into the next stage: what `assessments.check` and each save answer. */
export function checkAssessment(a: Assessment, now: Date) {
  const next = nextStageOf(a);
  const gate = next ? stageGate(a, next, { now }) : undefined;
  return {
    presumption: presumption(a, now),
    findings: evaluate(a, { now }),
    next: next && gate ? { stage: next, title: stageTitles[next], ok: gate.ok, missing: gate.missing } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Signing, export and review gates

/**
 * The stage whose rules gate a signature: the decision. The rules of the sharing stage (AA-27 the
 * challenge route given, AA-28 a copy of the signed decision given) can only be met once there is a
 * signed decision to share, so they gate export, not signing. AA-30 (every assessor has signed) is
 * what the signatures themselves complete, so it is checked by the signing rights below instead.
 */
export const signingStage: StageId = 'decision';
/** The stage whose rules gate export: the last one, so every rule applies. */
export const exportStage: StageId = stageOrder[stageOrder.length - 1]!;

export function signingFindings(a: Assessment, now: Date): Finding[] {
  return blocking(evaluate(a, { now, asAtStage: signingStage })).filter((f) => f.ruleId !== 'AA-30');
}

export function exportFindings(a: Assessment, now: Date): Finding[] {
  return blocking(evaluate(a, { now, asAtStage: exportStage }));
}

/** The assessors named on the assessment. */
export function assessorsOf(a: Assessment): Participant[] {
  return a.participants.filter((p) => p.role === 'assessor');
}

/** Assessors must each be linked to a store user, and to different ones: two assessors are two people. */
function assessorLinkRefusal(a: Assessment): Refusal | undefined {
  const assessors = assessorsOf(a);
  if (assessors.length === 0) return refuse('CONFLICT', 'No assessor is named on this assessment (AA-05).', 'participants');
  const unlinked = assessors.filter((p) => !p.userId);
  if (unlinked.length > 0) {
    return refuse('CONFLICT', `Link ${unlinked.map((p) => p.name).join(' and ')} to their Carefile user before signing (AA-30).`, 'participants');
  }
  const seen = new Map<string, Participant>();
  for (const p of assessors) {
    const other = seen.get(p.userId!);
    if (other) return refuse('CONFLICT', `${other.name} and ${p.name} are linked to the same Carefile user: two assessors must be two people (AA-30).`, 'participants');
    seen.set(p.userId!, p);
  }
  return undefined;
}

const signedBy = (a: Assessment, userId: string | undefined) => userId !== undefined && a.signatures.some((s) => s.userId === userId);
const isNamedAssessor = (a: Assessment, userId: string | undefined) => userId !== undefined && assessorsOf(a).some((p) => p.userId === userId);

/** The first signature (record.sign): a named assessor, at the decision stage or later, with the decision's safeguards met. */
export function signRefusal(actor: Actor, a: Assessment, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'sign');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'A record is signed with your own passphrase, not the recovery key.');
  if (stageIndex(a.stage) < stageIndex(signingStage)) {
    return refuse('CONFLICT', `A record is signed at the "${stageTitles[signingStage]}" stage or later; this assessment is at "${stageTitles[a.stage]}".`);
  }
  if (!a.decision) return refuse('CONFLICT', 'There is no decision to sign yet.', 'decision');
  if (isLocked(a)) return refuse('CONFLICT', 'This record is already signed: the next signature is a countersignature on the signed PDF.');
  const refusal = signerRefusal(actor, a, now);
  if (refusal) return refusal;
  // Each warning open at signing goes into the record with the assessors' answer (issue 11); the first signature waits for it.
  const unanswered = unansweredWarnings(a, now);
  if (unanswered.length > 0) {
    return refuse(
      'SAFEGUARD_BLOCK',
      `Answer each open warning with a note before signing (it is printed in the record): ${unanswered.map((f) => `${f.ruleId}: ${f.message}`).join(' ')}`,
      'acknowledgedWarnings',
    );
  }
  return undefined;
}

/** A later signature (record.countersign): another named assessor, or then a manager who did not assess it. */
export function countersignRefusal(actor: Actor, a: Assessment, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'countersign');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'A record is signed with your own passphrase, not the recovery key.');
  if (a.signatures.length === 0) return refuse('CONFLICT', 'This assessment has no first signature yet: an assessor signs the record first.');
  if (signedBy(a, actor.userId)) return refuse('CONFLICT', "You have already signed this record; the next signature must be another person's.");
  return signerRefusal(actor, a, now);
}

function signerRefusal(actor: Actor, a: Assessment, now: Date): Refusal | undefined {
  const links = assessorLinkRefusal(a);
  if (links) return links;
  if (actor.role === 'assessor' && !isNamedAssessor(a, actor.userId)) {
    return refuse('FORBIDDEN', 'Only the assessors named on this assessment (and linked to their Carefile users) sign it as assessors.');
  }
  if (actor.role === 'manager') {
    if (isNamedAssessor(a, actor.userId)) return refuse('FORBIDDEN', 'You are named as one of its assessors: another manager signs as the authorising manager.');
    const waiting = assessorsOf(a).filter((p) => !signedBy(a, p.userId));
    if (waiting.length > 0) return refuse('CONFLICT', `The assessors sign first: not yet signed by ${waiting.map((p) => p.name).join(' and ')}.`);
  }
  const blocks = signingFindings(a, now);
  if (blocks.length > 0) return blockRefusal('The record cannot be signed while safeguards are unmet', blocks);
  return undefined;
}

/**
 * Who signs next, in order: the named assessors who have not signed (each may sign first), then a
 * manager who did not assess it (the named one, if a manager is named on the assessment). Empty once
 * a manager has signed. What the hand-over screens and `record.get` show.
 */
export function nextSigners(a: Assessment): Array<{ name: string; role: 'assessor' | 'manager'; userId?: string }> {
  const waiting = assessorsOf(a).filter((p) => !a.signatures.some((s) => s.role === 'assessor' && s.userId === p.userId));
  if (waiting.length > 0) return waiting.map((p) => ({ name: p.name, role: 'assessor', ...(p.userId ? { userId: p.userId } : {}) }));
  if (a.signatures.some((s) => s.role === 'manager')) return [];
  const manager = a.participants.find((p) => p.role === 'manager');
  return [{ name: manager?.name ?? 'A manager who did not assess it', role: 'manager', ...(manager?.userId ? { userId: manager.userId } : {}) }];
}

export function exportRefusal(actor: Actor, a: Assessment, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'export');
  if (byRole) return byRole;
  const blocks = exportFindings(a, now);
  if (blocks.length > 0) return blockRefusal('The assessment cannot be exported while safeguards are unmet', blocks);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Review: comment (any state), return (before signing), authorise (after every assessor signed)

export type ReviewOutcome = 'comment' | 'returned' | 'authorised';
const reviewAction: Record<ReviewOutcome, Action> = { comment: 'comment', returned: 'return', authorised: 'authorise' };

/** The status a review leaves the assessment in, or why it is refused. */
export function reviewTransition(actor: Actor, a: Assessment, outcome: ReviewOutcome, now: Date): { status: Assessment['status'] } | { refusal: Refusal } {
  const byRole = roleRefusal(actor, reviewAction[outcome]);
  if (byRole) return { refusal: byRole };
  if (actor.userId === undefined) return { refusal: refuse('FORBIDDEN', 'A review is made under your own name, not with the recovery key.') };
  if (outcome === 'comment') return { status: a.status };
  if (outcome === 'returned') {
    if (isLocked(a)) return { refusal: refuse('CONFLICT', 'A signed assessment cannot be returned: corrections are made by addendum.', 'outcome') };
    return { status: 'returned' };
  }
  if (a.status === 'authorised') return { refusal: refuse('CONFLICT', 'This assessment is already authorised.', 'outcome') };
  if (!isLocked(a)) return { refusal: refuse('CONFLICT', 'Only a signed record can be authorised: the assessors sign first.', 'outcome') };
  const links = assessorLinkRefusal(a);
  if (links) return { refusal: links };
  if (isNamedAssessor(a, actor.userId) || a.signatures.some((s) => s.role === 'assessor' && s.userId === actor.userId)) {
    return { refusal: refuse('FORBIDDEN', 'Nobody authorises an assessment they assessed (AA-30): another manager authorises it.') };
  }
  const waiting = assessorsOf(a).filter((p) => !a.signatures.some((s) => s.role === 'assessor' && s.userId === p.userId));
  if (waiting.length > 0) return { refusal: refuse('SAFEGUARD_BLOCK', `Not yet signed by ${waiting.map((p) => p.name).join(' and ')} (AA-30): authorise once both assessors have signed.`) };
  const blocks = signingFindings(a, now);
  if (blocks.length > 0) return { refusal: blockRefusal('The assessment cannot be authorised while safeguards are unmet', blocks) };
  return { status: 'authorised' };
}

// ---------------------------------------------------------------------------------------------
// Addenda: only on a signed assessment; signed by their author, known by user id

export function addAddendumRefusal(actor: Actor, a: Assessment): Refusal | undefined {
  const byRole = roleRefusal(actor, 'addAddendum');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'An addendum is written under your own name, not with the recovery key.');
  if (!isLocked(a)) return refuse('CONFLICT', 'Only a signed assessment takes addenda: correct this one directly.');
  return undefined;
}

export function signAddendumRefusal(actor: Actor, a: Assessment, addendumId: string): Refusal | undefined {
  const byRole = roleRefusal(actor, 'signAddendum');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'An addendum is signed with your own passphrase, not the recovery key.');
  const addendum = a.addenda.find((x) => x.id === addendumId);
  if (!addendum) return refuse('NOT_FOUND', 'There is no such addendum.', 'addendumId');
  if (addendum.signedOn) return refuse('LOCKED', 'This addendum is already signed.', 'addendumId');
  if (addendum.createdByUserId !== actor.userId) return refuse('FORBIDDEN', `Only its author (${addendum.createdBy}) signs an addendum.`, 'addendumId');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// After the decision: reopening on new information (AA-37) and an overturned outcome (AA-43)

/** Decided: a decision recorded and signed (or marked decided). Until then the decision itself is changed. */
export function isDecided(a: Pick<Assessment, 'decision' | 'status' | 'signatures'>): boolean {
  return a.decision !== undefined && (isLocked(a) || a.status === 'decided');
}

const dateOf = (instant: string) => instant.slice(0, 10);

/** A date that must fall between the decision and today (plain ISO dates compare as strings). */
function afterDecisionRefusal(a: Assessment, date: string, field: string, what: string, now: Date): Refusal | undefined {
  const decided = dateOf(a.decision!.decidedOn);
  if (date < decided) return refuse('INVALID_INPUT', `${what} cannot be before the decision (${decided}).`, field);
  if (date > now.toISOString().slice(0, 10)) return refuse('INVALID_INPUT', `${what} cannot be in the future.`, field);
  return undefined;
}

/** Reopening a decided assessment: once, on information that arrived after the decision. */
export function reopenRefusal(actor: Actor, a: Assessment, receivedOn: string, now: Date): Refusal | undefined {
  const byRole = roleRefusal(actor, 'reopen');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'A reassessment is opened under your own name, not with the recovery key.');
  if (a.status === 'withdrawn') return refuse('CONFLICT', 'This assessment was withdrawn: there is no decision to reopen.');
  if (!isDecided(a)) return refuse('CONFLICT', 'Only a decided assessment (its decision signed) is reopened: until then, change the decision itself.');
  if (a.reassessedBy) return refuse('CONFLICT', `This assessment was already reopened: its reassessment is ${a.reassessedBy.reference}. Reopen that one if more information arrives.`);
  return afterDecisionRefusal(a, receivedOn, 'receivedOn', 'New information', now);
}

/** Recording that a court, tribunal or review changed the outcome: once, on a decided assessment, with a changed outcome. */
export function overturnedRefusal(
  actor: Actor,
  a: Assessment,
  input: { on: string; newOutcome: { outcome: 'child' | 'adult'; dateOfBirth?: string } },
  now: Date,
): Refusal | undefined {
  const byRole = roleRefusal(actor, 'recordOverturned');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'An overturned decision is recorded under your own name, not with the recovery key.');
  if (!isDecided(a)) return refuse('CONFLICT', 'Only a decided assessment (its decision signed) can be overturned.');
  if (a.overturned) return refuse('CONFLICT', `This decision is already recorded as overturned (${a.overturned.body}, ${a.overturned.on}); add an addendum for a later appeal.`);
  const d = a.decision!;
  const sameDob = input.newOutcome.dateOfBirth === undefined || input.newOutcome.dateOfBirth === d.dateOfBirth;
  if (input.newOutcome.outcome === d.outcome && sameDob) {
    return refuse('INVALID_INPUT', `The new outcome is the decision's own (${d.outcome}, born ${d.dateOfBirth}): nothing was overturned.`, 'newOutcome');
  }
  return afterDecisionRefusal(a, input.on, 'on', 'The judgment or review', now);
}
// Withdrawal: a case opened by mistake, taken off the list with a reason (kept, never deleted)

/**
 * Withdrawing: a manager, or an assessor named on the case (any assessor while none is linked
 * yet), before anyone has signed. A signed record is a decision the young person may challenge:
 * it is corrected by addendum, never withdrawn.
 */
export function withdrawRefusal(actor: Actor, a: Assessment): Refusal | undefined {
  const byRole = roleRefusal(actor, 'withdraw');
  if (byRole) return byRole;
  if (actor.userId === undefined) return refuse('FORBIDDEN', 'A withdrawal is made under your own name, not with the recovery key.');
  if (a.status === 'withdrawn') return refuse('CONFLICT', 'This assessment is already withdrawn.');
  if (isLocked(a)) return refuse('LOCKED', 'A signed assessment cannot be withdrawn: a correction is made by addendum.');
  const linked = assessorsOf(a).filter((p) => p.userId);
  if (actor.role === 'assessor' && linked.length > 0 && !linked.some((p) => p.userId === actor.userId)) {
    return refuse('FORBIDDEN', 'Only the assessors named on this assessment, or a manager, can withdraw it.');
  }
  return undefined;
}
