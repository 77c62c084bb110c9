/**
 * The machine's faults, as people meet them: a full disk, a folder that cannot be written (a
 * read-only disk, or permission denied), a file another program holds, a failing disk. Node
 * reports them as errno codes (ENOSPC, EROFS, EACCES …) and SQLite as its own (SQLITE_FULL,
 * SQLITE_READONLY, SQLITE_BUSY …); both become one typed error, STORE_UNAVAILABLE with a plain
 * message (CLI exit 4), so no door ever answers "unexpected" or INTERNAL for them.
 * Messages name the fault and what to do; never a path's contents, never stored data.
 */
import { StoreError, StoreUnavailableError } from './errors';

export type MachineFault = 'disk-full' | 'read-only' | 'permission' | 'busy' | 'disk-error' | 'too-many-files';

const MESSAGES: Record<MachineFault, string> = {
  'disk-full': 'The disk is full: Carefile could not save. The change was not made and nothing was lost. Free some space on the disk that holds the store, then try again.',
  'read-only': "The store's folder is on a disk that cannot be written (read-only). Nothing was changed. Move the store to a writable disk or ask IT to make it writable.",
  permission: "Carefile is not allowed to read or write a file in the store's folder (permission denied). Nothing was changed. Ask IT to give your account access to the folder.",
  busy: 'A store file is held by another program (a backup, sync or antivirus tool, or another Carefile). Nothing was changed. Wait a moment or close that program, then try again.',
  'disk-error': 'The disk failed while Carefile was reading or writing the store. The change was not made. Check the disk, then try again; if it persists, restore from a backup (docs/recovery.md).',
  'too-many-files': 'The computer has run out of open files for Carefile. Close other programs and try again.',
};

export class MachineFaultError extends StoreUnavailableError {
  constructor(
    readonly fault: MachineFault,
    /** The low-level code (ENOSPC, SQLITE_FULL …), for the log and the doctor; no path, no data. */
    readonly faultCode: string,
  ) {
    super(`${MESSAGES[fault]} (${faultCode})`);
    this.name = 'MachineFaultError';
  }
}

const ERRNO: Record<string, MachineFault> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'permission',
  EPERM: 'permission',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  EAGAIN: 'busy',
  EIO: 'disk-error',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
};

/** Which fault an error is, if it is one of the machine's (not a bug, not bad input). */
export function faultOf(err: unknown): { fault: MachineFault; code: string } | undefined {
  if (err instanceof MachineFaultError) return { fault: err.fault, code: err.faultCode };
  if (err instanceof StoreError) return undefined;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const byErrno = ERRNO[code];
  if (byErrno) return { fault: byErrno, code };
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC' || code === 'SQLITE_IOERR_TRUNCATE') {
    // SQLite reports ENOSPC on write as SQLITE_FULL, but some VFS paths give IOERR_WRITE/FSYNC.
    return { fault: 'disk-full', code };
  }
  if (code.startsWith('SQLITE_READONLY')) return { fault: 'read-only', code };
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code.startsWith('SQLITE_CANTOPEN')) return { fault: 'permission', code };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { fault: 'busy', code };
  if (code.startsWith('SQLITE_IOERR')) return { fault: 'disk-error', code };
  return undefined;
}

/** The typed error for a machine fault, or undefined for anything else. */
export function asMachineFault(err: unknown): MachineFaultError | undefined {
  if (err instanceof MachineFaultError) return err;
  const f = faultOf(err);
  return f && new MachineFaultError(f.fault, f.code);
}

/** Runs `fn`; a machine fault comes out typed, anything else unchanged. */
export function faultTyped<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asMachineFault(err) ?? err;
  }
}
