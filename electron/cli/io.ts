/** Where commands write. Tests pass their own to capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Standard input as text (for `lint-text -`, passphrase pipes). */
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  /** Whether stdin is a terminal (a passphrase prompt is possible). */
  interactive: boolean;
  /** Rewrites one progress line on a terminal (standard error); absent when that is not a terminal, so nothing is printed. `''` clears it. */
  progress?(text: string): void;
}

// A reader that closes early (`carefile lint-text x | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  interactive: Boolean(process.stdin.isTTY),
  ...(process.stderr.isTTY ? { progress: (t: string) => void process.stderr.write(`\r\x1b[K${t}`) } : {}),
};
