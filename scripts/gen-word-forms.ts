/** Regenerates shared/language/forms.generated.ts after a lexicon change: npx tsx scripts/gen-word-forms.ts */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderWordForms } from './word-forms';

const out = fileURLToPath(new URL('../shared/language/forms.generated.ts', import.meta.url));
writeFileSync(out, renderWordForms());
console.log(`wrote ${out}`);
