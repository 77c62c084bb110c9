import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type DatabaseType from 'better-sqlite3-multiple-ciphers';

/**
 * better-sqlite3-multiple-ciphers, loaded by absolute path. tsconfig maps the bare name to its
 * index.d.ts (its package exports have no types), and tsx applies that mapping at run time too,
 * so `import Database from 'better-sqlite3-multiple-ciphers'` fails under tsx (the CLI's runner)
 * with "Database is not defined". Resolving the package folder through its package.json (not
 * mapped) and loading lib/index.js sidesteps it; the types still come from the mapped name.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
export const Database = require(join(packageDir, 'lib', 'index.js')) as typeof DatabaseType;
export type Database = DatabaseType.Database;
