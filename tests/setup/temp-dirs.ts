/**
 * Temporary folders made by a test (tests/unit/store/helpers.ts tempDir) are removed after each
 * test. The hook is registered here, in a setup file, because setup files run for every test
 * file, while a helper module is evaluated once per worker in the unit project (isolate: false,
 * vitest.config.ts): a hook registered at a helper's top level would serve only the first file.
 * This module imports nothing heavy: every test file loads it.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';

// One list per worker process: Vitest evaluates a setup file again for each test file, while
// helpers keep the instance they imported first, so the list cannot live in a module variable.
const KEY = Symbol.for('carefile.tests.tempDirs');
const holder = globalThis as { [KEY]?: string[] };
const dirs = (holder[KEY] ??= []);

/** Removes `dir` after the current test (and at the latest after its file). */
export function removeAfterTest(dir: string): string {
  dirs.push(dir);
  return dir;
}

function removeAll(): void {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
}
afterEach(removeAll);
afterAll(removeAll);
