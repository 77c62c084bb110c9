import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { StoreInUseError } from './errors';

/**
 * Single writer: a lock file made with O_EXCL naming its holder: process id, the process's start
 * time and the boot it belongs to (Linux's /proc/sys/kernel/random/boot_id), and the host. A
 * lock is stale, and taken over, when its holder is on this host and
 *  - belongs to an earlier boot (every process of that boot is gone, whatever PIDs say now), or
 *  - its process no longer exists, or
 *  - a process with that PID exists but started at another time (the PID was reused).
 * A live holder, or one on another host (a shared folder), means "in use". A lock without the
 * newer fields (written by an older Carefile) is judged by PID alone, as before.
 * The take-over moves the stale file aside and checks it is the one judged, so two openers that
 * both found it stale cannot both end up holding the lock.
 */
export interface HeldLock {
  release(): void;
}

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat field 22), where known. */
  startTicks?: string;
  /** The boot the process belongs to, where known. */
  bootId?: string;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** This boot's id (Linux); undefined elsewhere. */
export function currentBootId(): string | undefined {
  return readOrUndefined('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/**
 * A process's start time in clock ticks since boot (Linux), or undefined where /proc is absent.
 * 'gone' when /proc exists but the process does not.
 */
export function processStartTicks(pid: number): string | 'gone' | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  if (stat === undefined) return readOrUndefined('/proc/self/stat') === undefined ? undefined : 'gone';
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return rest[19]; // field 22 overall: fields 3.. start at index 0
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readInfo(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

export function ownInfo(): LockInfo {
  const start = processStartTicks(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
    ...(start && start !== 'gone' ? { startTicks: start } : {}),
    ...(currentBootId() ? { bootId: currentBootId() } : {}),
  };
}

/** Why a holder no longer holds the lock, or undefined if it (or someone we cannot see) still may. */
export function staleReason(holder: LockInfo | undefined, me: LockInfo): string | undefined {
  if (holder === undefined || typeof holder.pid !== 'number') return 'the lock file is unreadable';
  if (holder.host !== me.host) return undefined;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return 'it was taken before the computer last started';
  if (holder.pid === me.pid) return undefined;
  if (!alive(holder.pid)) return `process ${holder.pid} has ended`;
  if (holder.startTicks) {
    const now = processStartTicks(holder.pid);
    if (now === 'gone') return `process ${holder.pid} has ended`;
    if (now !== undefined && now !== holder.startTicks) return `process ${holder.pid} is another program now (the number was reused)`;
  }
  return undefined;
}

/** Moves a stale lock out of the way, only if it is still the very file judged stale. */
function takeOver(path: string, judged: LockInfo | undefined): void {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already: someone else took it over; the next attempt tells
  }
  const moved = readInfo(aside);
  if (judged !== undefined && moved?.token !== judged.token) {
    // Another opener replaced it in between: put theirs back (link fails if a third one is there).
    try {
      linkSync(aside, path);
    } catch {
      // a newer lock is in place; the next attempt reads it
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // nothing to tidy
  }
}

export function acquireLock(path: string): HeldLock {
  const info = ownInfo();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(info));
      } catch (err) {
        closeSync(fd);
        unlinkSync(path);
        throw err;
      }
      closeSync(fd);
      return {
        release() {
          if (readInfo(path)?.token === info.token) {
            try {
              unlinkSync(path);
            } catch {
              // already gone
            }
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readInfo(path);
      if (holder === undefined) {
        // Just made by another opener that has not written its name yet, or a torn file: look again shortly.
        const raw = readOrUndefined(path);
        if (raw === '' && attempt < 2) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
          continue;
        }
      }
      const reason = staleReason(holder, info);
      if (!reason) {
        const who = holder!.pid === process.pid ? 'this process has it open already' : `process ${holder!.pid} on ${holder!.host}`;
        throw new StoreInUseError(who);
      }
      takeOver(path, holder);
    }
  }
  throw new StoreInUseError('the lock could not be taken');
}
