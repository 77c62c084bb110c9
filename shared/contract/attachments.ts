import { z } from 'zod';
import { channel } from './define';
import { AttachmentRef } from '../domain/model';

/**
 * Files travel as base64 (no file paths cross the boundary). The store caps an attachment at
 * 25 MB (MAX_ATTACHMENT_BYTES); base64 makes that ~35 million characters, so anything longer is
 * refused before decoding, and the store itself refuses the few bytes over the cap.
 */
const MAX_BASE64_CHARS = Math.ceil((25 * 1024 * 1024) / 3) * 4;
const FileBase64 = z.base64().max(MAX_BASE64_CHARS, 'An attachment larger than 25 MB is not accepted.');

export const attachmentChannels = {
  'attachments.add': channel({
    summary: 'Store a file (PDF, JPEG, PNG, WebP or plain text, judged by its content; at most 25 MB) and return the reference an evidence item keeps.',
    input: z.object({ name: z.string().min(1).max(500), dataBase64: FileBase64 }).strict(),
    output: AttachmentRef,
    errors: ['NOT_UNLOCKED', 'STORE_UNAVAILABLE'],
  }),
  'attachments.get': channel({
    summary: "One stored attachment's reference and bytes, for the app's own preview (images and PDFs are drawn into a canvas; nothing is opened by another program).",
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'An attachment is named by its SHA-256.') }).strict(),
    output: z.object({ ref: AttachmentRef, dataBase64: z.string() }),
    errors: ['NOT_UNLOCKED', 'NOT_FOUND'],
  }),
};
