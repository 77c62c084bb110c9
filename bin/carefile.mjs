#!/usr/bin/env node
// The `carefile` command. Runs the TypeScript CLI through tsx so that no build step can go stale.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`carefile needs Node.js 22.12 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv);
