import { describe, expect, it } from 'vitest';
import { freshStore } from './helpers';
import { InvalidInputError, MAX_ATTACHMENT_BYTES, sniffMediaType } from '../../../electron/store/index';

const bytes = (...b: number[]) => new Uint8Array(b);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n');
const WEBP = new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]);

describe('attachments', () => {
  it('sniffs the type from the bytes, not the name', () => {
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(WEBP)).toBe('image/webp');
    expect(sniffMediaType(new TextEncoder().encode('Letter from the school\r\nየትምህርት ቤት ደብዳቤ\n'))).toBe('text/plain');
    expect(sniffMediaType(bytes(0x4d, 0x5a, 0x90, 0))).toBeUndefined(); // a Windows executable
    expect(sniffMediaType(bytes(0x50, 0x4b, 3, 4))).toBeUndefined(); // a zip / docx
    expect(sniffMediaType(bytes(0xc3, 0x28))).toBeUndefined(); // invalid UTF-8
    expect(sniffMediaType(new Uint8Array())).toBeUndefined();
  });

  it('stores encrypted bytes with sha256, size and type, and gives them back', async () => {
    const { store } = await freshStore();
    const ref = store.attachments.put(PDF, 'school letter');
    expect(ref).toMatchObject({ mediaType: 'application/pdf', size: PDF.length, name: 'school letter' });
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(store.attachments.get(ref.sha256)).toEqual(PDF);
    expect(store.attachments.get('0'.repeat(64))).toBeUndefined();
    // the same bytes twice: one copy, one audit event
    store.attachments.put(PDF, 'again.pdf');
    expect(store.audit.events({ entityType: 'attachment' })).toHaveLength(1);
    store.close();
  });

  it('refuses a disallowed type and an oversized file with clear messages, storing nothing', async () => {
    const { store } = await freshStore();
    const head = store.audit.head();
    expect(() => store.attachments.put(bytes(0x4d, 0x5a, 0x90, 0, 3), 'scan.pdf')).toThrow(/not a PDF, JPEG, PNG, WebP image or plain-text file/);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PNG);
    expect(() => store.attachments.put(big, 'huge.png')).toThrow(InvalidInputError);
    expect(() => store.attachments.put(big, 'huge.png')).toThrow(/at most 25 MB/);
    const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exact.set(PNG);
    expect(store.attachments.put(exact, 'max.png').size).toBe(MAX_ATTACHMENT_BYTES);
    expect(store.audit.head().seq).toBe(head.seq + 1);
    store.close();
  });

  it('refuses a file whose bytes do not match its name (a text file named .pdf, a PDF named .jpg)', async () => {
    const { store } = await freshStore();
    const head = store.audit.head();
    expect(() => store.attachments.put(new TextEncoder().encode('not really a PDF\n'), 'passport.pdf')).toThrow(
      /"passport\.pdf" is named as a PDF, but its content is plain text/,
    );
    expect(() => store.attachments.put(PDF, 'photo.JPG')).toThrow(/named as a JPEG image, but its content is a PDF/);
    expect(store.audit.head().seq).toBe(head.seq);
    // names that agree, or say nothing, are taken
    expect(store.attachments.put(JPEG, 'photo.jpeg').mediaType).toBe('image/jpeg');
    expect(store.attachments.put(new TextEncoder().encode('notes\n'), 'notes.md').mediaType).toBe('text/plain');
    store.close();
  });
});
