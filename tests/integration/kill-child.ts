/**
 * The kill trials' child processes (store crash, restore crash, team import): each child prints
 * one line per step it has finished, and the parent kills it (SIGKILL) at a step or at a random
 * moment after one. A child is bundled once with esbuild (our code only; packages stay in
 * node_modules): it then starts in a fraction of the time `node --import tsx` takes, which over
 * thirty kills is most of a trial's cost.
 */
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = join(import.meta.dirname, '../..');
const built = new Map<string, string>();

/** The child's source bundled into node_modules/.cache (once per test process); returns the script to run. */
export function bundledChild(source: string): string {
  let out = built.get(source);
  if (!out) {
    out = join(ROOT, 'node_modules', '.cache', 'carefile-tests', basename(source).replace(/\.ts$/, '.mjs'));
    // electron/resources.ts finds the app root one folder up from its own module: in the bundle, say where that module is.
    const define = { 'import.meta.dirname': JSON.stringify(join(ROOT, 'electron')) };
    buildSync({ entryPoints: [source], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', define, logLevel: 'warning' });
    built.set(source, out);
  }
  return out;
}

export interface ChildEnd {
  /** How it ended: killed by the parent (SIGKILL), or its exit code. */
  killed: boolean;
  code: number | null;
  stderr: string;
}

/**
 * Runs `script` with `args`, calling `onLine` for each whole line it prints (with a `kill`
 * that SIGKILLs it); resolves when it has ended, however it ended.
 */
export function runChild(script: string, args: string[], onLine: (line: string, kill: () => void) => void): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = () => child.kill('SIGKILL');
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) onLine(line, kill);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code, stderr }));
  });
}
