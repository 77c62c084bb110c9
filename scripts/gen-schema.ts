/** Writes resources/schema/assessment-bundle.v1.schema.json from the zod schemas (run: npx tsx scripts/gen-schema.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleJsonSchema } from '../shared/bundle/schema';
import { resourcePath } from '../electron/resources';

export const schemaPath = resourcePath('bundleSchema');
export const schemaText = (): string => `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaPath, schemaText());
  process.stdout.write(`wrote ${schemaPath}\n`);
}
