// `npm install`'s prepare step (npm ci too): compiles the CLI and the main process into
// dist-electron/ so that `npx carefile` and the packaged app run JavaScript, not TypeScript.
// A production install (`npm ci --omit=dev`) has no compiler; it skips the build and says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
if (!existsSync(tsx) || !existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  process.stdout.write('prepare: no build tools installed (production install); dist-electron/ is used as shipped.\n');
  process.exit(0);
}
const res = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'build-electron.ts')], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
