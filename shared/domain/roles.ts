/**
 * Role × action: who may do what at all (workflow.ts decides the rest, with the case's state).
 * Its own module, free of the safeguards and the schemas, so the renderer's frame can ask it
 * (e.g. whether to show the dashboard tab) without loading them.
 */
export type Role = 'admin' | 'assessor' | 'manager';

export type Action =
  | 'read'
  | 'create'
  | 'saveContent'
  | 'advance'
  | 'recordDeparture'
  | 'acknowledgeWarning'
  | 'comment'
  | 'return'
  | 'authorise'
  | 'sign'
  | 'countersign'
  | 'addAddendum'
  | 'signAddendum'
  | 'linkParticipant'
  | 'import'
  | 'importUnsigned'
  | 'trustBundleSigner'
  | 'export'
  | 'audit'
  | 'reopen'
  | 'recordOverturned'
  | 'backup'
  | 'changeSettings'
  | 'withdraw';

/**
 * Role × action. Administrators (IT / records officers) keep the store, they do not assess:
 * they read and export. Assessors write the assessment and sign it. Managers review, return and
 * authorise, may countersign the record as the authorising manager, and may add a correction.
 */
export const roleMay: Readonly<Record<Action, readonly Role[]>> = {
  read: ['admin', 'assessor', 'manager'],
  create: ['assessor'],
  saveContent: ['assessor'],
  advance: ['assessor'],
  recordDeparture: ['assessor'],
  acknowledgeWarning: ['assessor'],
  comment: ['manager'],
  return: ['manager'],
  authorise: ['manager'],
  sign: ['assessor'],
  countersign: ['assessor', 'manager'],
  addAddendum: ['assessor', 'manager'],
  signAddendum: ['assessor', 'manager'],
  linkParticipant: ['assessor', 'manager'],
  // Records officers bring in bundles from other machines; import takes content only, never workflow state.
  import: ['admin', 'assessor', 'manager'],
  // A bundle nobody signed, or one signed by someone outside this store, is an administrator's call (audited).
  importUnsigned: ['admin'],
  trustBundleSigner: ['admin'],
  export: ['admin', 'assessor', 'manager'],
  // The team's quality figures and outcomes (AA-43): managers, and administrators as records officers.
  audit: ['admin', 'manager'],
  // New information reaches assessors (a document) and managers (a judgment, a NAAB review) alike;
  // an overturned decision is recorded by the manager who owns the learning from it (docs/decisions/manager-01).
  reopen: ['assessor', 'manager'],
  recordOverturned: ['manager'],
  // A backup is a full copy of every case: the records officer's job, kept to a retention limit they set.
  backup: ['admin'],
  changeSettings: ['admin'],
  // A case opened by mistake (a duplicate, the wrong young person): its assessors or a manager.
  withdraw: ['assessor', 'manager'],
};
