/** Exit codes, documented in docs/cli.md. */
export const Exit = {
  OK: 0,
  CHECK_FAILED: 1,
  USAGE: 2,
  AUTH: 3,
  STORE_UNAVAILABLE: 4,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** Thrown by a command to stop with a message (to stderr) and an exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
