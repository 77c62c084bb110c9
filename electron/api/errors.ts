import type { ApiError, ErrorCode } from '../../shared/contract';
import { asMachineFault } from '../store/index';

/** Thrown by services and handlers; dispatch turns it into a typed `{code, message, field}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/**
 * A full disk, a read-only folder, permission denied, a file held by another program: the
 * machine's faults, wherever they surface (the store, a PDF or export being written), are
 * STORE_UNAVAILABLE with a plain message, never INTERNAL (electron/store/faults.ts).
 */
export function machineFaultError(err: unknown): ApiError | undefined {
  const fault = asMachineFault(err);
  return fault && { code: 'STORE_UNAVAILABLE', message: fault.message };
}
