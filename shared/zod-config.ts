/**
 * zod's global configuration, set before any schema is built. Import this module first (before
 * anything that defines a schema): shared/contract.ts and the renderer entry both do.
 *
 * Why jitless: zod compiles object parsers with `new Function`, and decides whether it may by
 * probing `new Function("")` when the first object schema is made. The renderer's CSP forbids
 * eval, so the probe raised a CSP violation report on every load (the throw itself is swallowed).
 * In jitless mode zod never probes and parses with its plain interpreter, the same results.
 * The main side follows the same setting, so both sides parse the same way.
 */
import { z } from 'zod';
import { plainZodMessage } from './format/zodMessages';

// Plain words for zod's own messages (a schema's own message still wins): shown next to fields.
z.config({ jitless: true, customError: (issue) => plainZodMessage(issue as never) });
