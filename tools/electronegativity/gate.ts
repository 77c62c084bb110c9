/**
 * Security gate: runs @doyensec/electronegativity over the app's Electron code and fails on any
 * finding of MEDIUM severity or higher that has no written exclusion, and on any file it could
 * not parse. The tool's CLI exits 0 even on HIGH findings and its CSV is not escaped, so its
 * runner is called as a library (run-json.cjs). It lives in its own folder because 1.10.3 crashes
 * beside commander 15.
 *   npx tsx tools/electronegativity/gate.ts [--source DIR]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '..', '..');
const SEVERITY_RANK: Record<string, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

interface Exclusion {
  check: string;
  file: string;
  reason: string;
}

export interface GateFinding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  excluded?: string;
}

function ensureInstalled(): void {
  const runner = path.join(here, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js');
  if (!existsSync(runner)) {
    const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
    if (res.status !== 0) throw new Error('could not install electronegativity in tools/electronegativity');
  }
}

/** Copies what the app ships from its Electron side into a scratch folder, so tests and node_modules are not scanned. */
function stage(sourceRoot: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carefile-eneg-'));
  cpSync(path.join(sourceRoot, 'electron'), path.join(dir, 'electron'), { recursive: true });
  if (existsSync(path.join(sourceRoot, 'renderer', 'index.html'))) {
    cpSync(path.join(sourceRoot, 'renderer', 'index.html'), path.join(dir, 'index.html'));
  }
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

export function runGate(sourceRoot: string = root): { findings: GateFinding[]; failed: GateFinding[] } {
  ensureInstalled();
  const electronVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies.electron;
  const dir = stage(sourceRoot);
  try {
    const res = spawnSync(process.execPath, [path.join(here, 'run-json.cjs'), dir, electronVersion], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (res.status !== 0) throw new Error(`electronegativity failed: ${res.stderr}`);
    const result = JSON.parse(res.stdout) as { errors: number; issues: Array<Omit<GateFinding, 'excluded'>> };
    if (result.errors > 0) throw new Error(`electronegativity could not parse ${result.errors} file(s): they were not scanned`);
    const exclusions = (JSON.parse(readFileSync(path.join(here, 'exclusions.json'), 'utf8')) as { exclusions: Exclusion[] }).exclusions;
    const findings = result.issues.map((f): GateFinding => {
      const ex = exclusions.find((e) => e.check === f.check && e.file === f.file && e.reason.trim().length > 20);
      return { ...f, excluded: ex?.reason };
    });
    const failed = findings.filter((f) => (SEVERITY_RANK[f.severity] ?? 4) >= SEVERITY_RANK.MEDIUM && !f.excluded);
    return { findings, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sourceArg = process.argv.indexOf('--source');
  const source = sourceArg > 0 ? path.resolve(process.argv[sourceArg + 1] ?? '.') : root;
  const { findings, failed } = runGate(source);
  for (const f of findings) {
    const mark = f.excluded ? 'excluded' : (SEVERITY_RANK[f.severity] ?? 4) >= 2 ? 'FAIL' : 'ok';
    process.stdout.write(`${mark.padEnd(9)}${f.severity.padEnd(14)}${f.check.padEnd(30)}${f.file}:${f.location}\n`);
  }
  process.stdout.write(`electronegativity: ${findings.length} findings, ${failed.length} of MEDIUM or higher without an exclusion\n`);
  process.exit(failed.length === 0 ? 0 : 1);
}
