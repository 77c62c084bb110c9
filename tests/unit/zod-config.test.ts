/**
 * zod runs jitless everywhere the contract is loaded, so it never probes `new Function` (which the
 * renderer's CSP reports as a violation on every load). See shared/zod-config.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';

const root = path.resolve(import.meta.dirname, '..', '..');
const firstImport = (file: string) => /^import\s+[^;]*?['"]([^'"]+)['"];?$/m.exec(readFileSync(path.join(root, file), 'utf8'))?.[1];

describe('zod configuration', () => {
  it('is jitless once shared/contract is imported, and the contract still parses', () => {
    expect(z.config().jitless).toBe(true);
    expect(contract['app.info'].input.safeParse({}).success).toBe(true);
  });

  it('is imported before anything else by shared/contract.ts and the renderer entry', () => {
    expect(firstImport('shared/contract.ts')).toBe('./zod-config');
    expect(firstImport('renderer/src/main.tsx')).toBe('../../shared/zod-config');
  });
});
