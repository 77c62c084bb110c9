import type { ApiError } from '../../../shared/contract';

/**
 * The main side's error, announced. Errors that name one of `shownAtFields` are already shown next
 * to that field, so they are not repeated here.
 */
export function ErrorAlert({ error, shownAtFields = [] }: { error?: ApiError; shownAtFields?: string[] }) {
  if (!error || (error.field !== undefined && shownAtFields.includes(error.field))) return null;
  return (
    <div role="alert" className="error-box">
      {error.message}
    </div>
  );
}
