import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native SQLite handles and child processes: forks isolate them best.
    pool: 'forks',
    // Temporary folders are removed after each test, in every file (see the file for why here).
    setupFiles: ['tests/setup/temp-dirs.ts'],
    projects: [
      {
        // Unit tests share one module graph per worker (isolate: false): each file no longer
        // evaluates the contract, the store, the handler map and pdf-lib afresh, which was most
        // of their time (the store and API unit tests ran in 95 s instead of 223 s, the pure
        // ones in 19 s instead of 48 s, measured under load). They hold no process-wide state:
        // each makes its own temporary store, and closes it.
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // vi.mock('electron') must not leak into, or miss, another file's imports.
          exclude: ['tests/unit/shell-hardening.test.ts'],
          isolate: false,
        },
      },
      {
        // Each file in its own process: mounts, environment variables read once per process
        // (SQLITE_TMPDIR), module mocks, and the kill trials' child processes.
        extends: true,
        test: {
          name: 'isolated',
          include: ['tests/integration/**/*.test.{ts,tsx}', 'tests/unit/shell-hardening.test.ts'],
        },
      },
    ],
  },
});
