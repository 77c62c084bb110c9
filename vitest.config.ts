import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native SQLite handles and child processes: forks isolate them best.
    pool: 'forks',
    // At least two workers: Vitest's default on two cores is one, yet much of the suite waits on
    // child processes (pdfsig, qpdf, the CLI, the kill trials, npm, the security tool), time a
    // second worker can use.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Temporary folders are removed after each test, in every file (see the file for why here).
    setupFiles: ['tests/setup/temp-dirs.ts'],
    projects: [
      {
        // These files share one module graph per worker (isolate: false): each no longer
        // evaluates the contract, the store, the handler map, pdf-lib and the fonts afresh in a
        // new process, which was most of their time (the store and API unit tests ran in 95 s
        // instead of 223 s, the pure ones in 19 s instead of 48 s, measured under load). They
        // hold no process-wide state: each makes its own temporary store, and closes it.
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/*.test.ts', 'tests/integration/record/**/*.test.ts'],
          exclude: [
            // vi.mock('electron') must not leak into, or miss, another file's imports.
            'tests/unit/shell-hardening.test.ts',
            // Spawns the security tool over a staged copy, and builds and stages the packaged
            // CLI: their own processes, kept apart.
            'tests/integration/security-gate.test.ts',
            'tests/integration/cli-packaged.test.ts',
          ],
          isolate: false,
        },
      },
      {
        // Each file in its own process: mounts, environment variables read once per process
        // (SQLITE_TMPDIR), module mocks, and the kill trials' child processes.
        extends: true,
        test: {
          name: 'isolated',
          include: [
            'tests/integration/store/**/*.test.ts',
            'tests/integration/bundle/**/*.test.ts',
            'tests/integration/security-gate.test.ts',
            'tests/integration/cli-packaged.test.ts',
            'tests/unit/shell-hardening.test.ts',
          ],
        },
      },
    ],
  },
});
