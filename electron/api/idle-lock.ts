/**
 * The idle lock, on the main side (the authority): after the administrator's number of minutes
 * without activity the store is locked (closed, its key wiped), whatever the renderer does. The
 * renderer reports activity (`session.activity`, throttled); the desktop shell also locks at once
 * on the OS's lock screen and on suspend (electron/main.ts). The CLI has no idle lock: each
 * command locks the store when it ends.
 */
import type { HandlerContext } from './context';
import type { StoreSession } from '../store/index';

export class IdleLock {
  private timer: NodeJS.Timeout | undefined;
  private deadline = 0;

  constructor(private readonly onIdle: () => void) {}

  /** Starts (or restarts) the count: `ms` from now the store locks. */
  start(ms: number): void {
    this.stop();
    this.deadline = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onIdle();
    }, ms);
    // Never keeps a process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Milliseconds left before the lock (0 when not counting). */
  remainingMs(): number {
    return this.timer ? Math.max(0, this.deadline - Date.now()) : 0;
  }
}

/** The context's idle lock; undefined for the CLI. */
export function idleLockOf(ctx: HandlerContext, lock: () => void): IdleLock | undefined {
  if (ctx.app.mode === 'cli') return undefined;
  ctx.idleLock ??= new IdleLock(lock);
  return ctx.idleLock;
}

/** The session's idle time: the administrator's setting, or the test override when shorter (it can never lengthen it). */
function idleMs(ctx: HandlerContext, session: StoreSession): number {
  const setting = session.store.settings.get().idleLockMinutes * 60_000;
  return ctx.idleLockMs !== undefined && ctx.idleLockMs > 0 ? Math.min(ctx.idleLockMs, setting) : setting;
}

/** CAREFILE_IDLE_LOCK_MS, for the end-to-end tests: a shorter idle lock (never a longer one). */
export function idleLockMsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const n = Number(env.CAREFILE_IDLE_LOCK_MS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** After an unlock or a sign of activity: the count starts again. Returns the milliseconds left (0 in the CLI). */
export function armIdleLock(ctx: HandlerContext, session: StoreSession): number {
  const idle = idleLockOf(ctx, () => session.lock());
  if (!idle || session.state !== 'unlocked') return 0;
  idle.start(idleMs(ctx, session));
  return idle.remainingMs();
}

export function disarmIdleLock(ctx: HandlerContext): void {
  ctx.idleLock?.stop();
}
