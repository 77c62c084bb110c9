/**
 * Typed store failures. Each carries the contract's error code so the API maps it without
 * guessing, and the CLI maps it to its exit code (see electron/cli/store-options.ts).
 * Messages never quote stored data or secrets.
 */
export type StoreErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'NOT_UNLOCKED'
  | 'AUTH_FAILED'
  | 'FORBIDDEN'
  | 'BACKOFF'
  | 'STORE_UNAVAILABLE';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Wrong passphrase, recovery key or data key. */
export class AuthFailedError extends StoreError {
  constructor(message = 'The passphrase (or key) is not right for this store.') {
    super('AUTH_FAILED', message);
    this.name = 'AuthFailedError';
  }
}

/** Too many failed unlocks: wait before the next try. */
export class BackoffError extends StoreError {
  constructor(readonly retryAfterMs: number) {
    super('BACKOFF', `Too many failed attempts: try again in ${Math.ceil(retryAfterMs / 1000)} s.`);
    this.name = 'BackoffError';
  }
}

/** Missing, corrupt, not a store, or in use by another process. */
export class StoreUnavailableError extends StoreError {
  constructor(message: string) {
    super('STORE_UNAVAILABLE', message);
    this.name = 'StoreUnavailableError';
  }
}

export class StoreInUseError extends StoreUnavailableError {
  constructor(detail: string) {
    super(`The store is in use by another Carefile process (${detail}). Close it and try again.`);
    this.name = 'StoreInUseError';
  }
}

/** A signed assessment refuses edits; corrections go in an addendum. */
export class AssessmentLockedError extends StoreError {
  constructor(id: string) {
    super('LOCKED', `Assessment ${id} is signed and locked: record the correction as an addendum instead.`);
    this.name = 'AssessmentLockedError';
  }
}

export class InvalidInputError extends StoreError {
  constructor(message: string, field?: string) {
    super('INVALID_INPUT', message, field);
    this.name = 'InvalidInputError';
  }
}

export class ForbiddenError extends StoreError {
  constructor(message: string) {
    super('FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends StoreError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends StoreError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field);
    this.name = 'ConflictError';
  }
}

export class NotUnlockedError extends StoreError {
  constructor() {
    super('NOT_UNLOCKED', 'The store is locked: unlock it first.');
    this.name = 'NotUnlockedError';
  }
}
