import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { StoreInUseError } from './errors';

/**
 * Single writer: a lock file made with O_EXCL naming the holder. A holder that died (same host,
 * process gone) leaves a stale file, which the next opener takes over; a live holder, or one on
 * another host (a shared folder), means "in use".
 */
export interface HeldLock {
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
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

export function acquireLock(path: string): HeldLock {
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
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
      const stale = holder === undefined || (holder.host === info.host && !alive(holder.pid));
      if (!stale) {
        const who = holder.pid === process.pid ? 'this process has it open already' : `process ${holder.pid} on ${holder.host}`;
        throw new StoreInUseError(who);
      }
      try {
        unlinkSync(path);
      } catch {
        // someone else took it over first; the next attempt tells
      }
    }
  }
  throw new StoreInUseError('the lock could not be taken');
}
