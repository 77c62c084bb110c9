import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { contentParts, type PartContent, type PartName } from '../../../shared/domain/parts';
import { nestErrors } from './errors';

/**
 * A part form's resolver: the form's own checks first (`check`: words about the form, such as a
 * missing session time), then the form's values as the part's fields (`toPart`) through the part's
 * shared zod schema, the one the main side's channel parses. A valid form yields the part's
 * fields, parsed, ready to send; errors carry model paths (`sessions.0.end`).
 */
export function partResolver<F extends FieldValues, P extends PartName>(part: P, toPart: (values: F) => Record<string, unknown>, check: (values: F) => Array<[string, string]>): Resolver<F, unknown, PartContent<P>> {
  const schema = zodResolver(
    z
      .custom<F>()
      .transform((v) => toPart(v))
      .pipe(z.object(contentParts[part].fields)),
  );
  return ((values, context, options) => {
    const problems = check(values);
    if (problems.length > 0) return { values: {}, errors: nestErrors(problems) };
    return schema(values as never, context, options as never);
  }) as Resolver<F, unknown, PartContent<P>>;
}
