import type { AttachmentRef } from '../../shared/domain/model';
import type { Db } from './db';
import { appendAudit } from './audit';
import { sha256Hex } from './canonical';
import { InvalidInputError } from './errors';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export type MediaType = AttachmentRef['mediaType'];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

/**
 * The type from the bytes, never from the name. Plain text is accepted only as valid UTF-8
 * without NUL or other binary control characters (what letters and typed notes are).
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (bytes.length > 0 && isPlainText(bytes)) return 'text/plain';
  return undefined;
}

function isPlainText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (const b of bytes) {
    // tab, LF, FF, CR are text; other C0 controls (and DEL) mean a binary file
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
  }
  return true;
}

/**
 * What a file's name says it is, by its extension; undefined for a name without one we know. A
 * file whose bytes say something else (a text file named `.pdf`, a PDF named `.jpg`) is refused:
 * whoever opens it later, in the app, the record or another machine, would be misled by its name.
 */
const typeByExtension: Readonly<Record<string, MediaType>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  txt: 'text/plain',
  text: 'text/plain',
};
const typeWords: Readonly<Record<MediaType, string>> = {
  'application/pdf': 'a PDF',
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'text/plain': 'plain text',
};

export function typeNamedBy(name: string): MediaType | undefined {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name.trim());
  return m ? typeByExtension[m[1]!.toLowerCase()] : undefined;
}

/** Why a file's bytes do not match its name, or undefined when they agree (or the name says nothing). */
export function nameMismatch(name: string, sniffed: MediaType): string | undefined {
  const named = typeNamedBy(name);
  if (named === undefined || named === sniffed) return undefined;
  return `"${name}" is named as ${typeWords[named]}, but its content is ${typeWords[sniffed]}, so it was not stored. Rename it to match what it is, or choose the right file.`;
}

export class Attachments {
  constructor(
    private readonly db: Db,
    private readonly defaultActor: () => string,
  ) {}

  /** Stores the bytes (encrypted with the database) and returns the reference an evidence item keeps. */
  put(bytes: Uint8Array, name: string, actor = this.defaultActor()): AttachmentRef {
    const cleanName = name.trim().slice(0, 500) || 'attachment';
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new InvalidInputError(
        `"${cleanName}" is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; attachments may be at most 25 MB.`,
        'bytes',
      );
    }
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) {
      throw new InvalidInputError(
        `"${cleanName}" is not a PDF, JPEG, PNG, WebP image or plain-text file (judged by its content, not its name), so it was not stored.`,
        'bytes',
      );
    }
    const mismatch = nameMismatch(cleanName, mediaType);
    if (mismatch) throw new InvalidInputError(mismatch, 'name');
    const sha256 = sha256Hex(bytes);
    const ref: AttachmentRef = { sha256, name: cleanName, mediaType, size: bytes.length };
    this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM attachment WHERE sha256 = ?').get(sha256);
      if (exists) return;
      this.db
        .prepare('INSERT INTO attachment (sha256, name, media_type, size, created_on, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sha256, cleanName, mediaType, bytes.length, new Date().toISOString(), Buffer.from(bytes));
      appendAudit(this.db, { actor, action: 'attachment.add', entityType: 'attachment', entityId: sha256, digest: sha256 });
    })();
    return ref;
  }

  get(sha256: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT data FROM attachment WHERE sha256 = ?').get(sha256) as { data: Buffer } | undefined;
    return row ? new Uint8Array(row.data) : undefined;
  }

  info(sha256: string): AttachmentRef | undefined {
    const row = this.db.prepare('SELECT sha256, name, media_type AS mediaType, size FROM attachment WHERE sha256 = ?').get(sha256);
    return row as AttachmentRef | undefined;
  }

  /** Every stored attachment whose bytes no longer hash to their name (for the audit verifier). */
  damaged(): string[] {
    const out: string[] = [];
    for (const r of this.db.prepare('SELECT sha256, data FROM attachment ORDER BY sha256').iterate() as IterableIterator<{
      sha256: string;
      data: Buffer;
    }>) {
      if (sha256Hex(r.data) !== r.sha256) out.push(r.sha256);
    }
    return out;
  }
}
