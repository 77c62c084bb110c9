import { closeSync, fstatSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Write-then-rename with fsync of the file and its folder, so a crash leaves the old or the new file, never half. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    // A full disk or a read-only folder: no temporary file is left behind.
    try {
      unlinkSync(tmp);
    } catch {
      // never made
    }
    throw err;
  }
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; rename is still atomic there.
  }
}

/**
 * Overwrites a file in place, within its present size (padded with spaces), so it needs no new
 * disk space: the fallback when a full disk refuses the temporary file. Not atomic: a reader
 * that finds it torn must treat it as damaged. False when it does not fit or cannot be written.
 */
export function overwriteInPlace(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > size) return false;
    const padded = Buffer.alloc(size, 0x20);
    bytes.copy(padded);
    writeSync(fd, padded, 0, size, 0);
    fsyncSync(fd);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
