import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { ADMIN, ADMIN_PASS, kdf, tempDir } from '../store/helpers';
import { makePng, pngChunk } from '../../fixtures/record/png';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** The first bytes of a Linux executable (ELF header), named as a picture. */
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x3e, 0x00]);

async function unlocked(): Promise<HandlerContext> {
  const dataDir = join(tempDir(), 'data');
  const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
  const init = await dispatch('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx);
  expect(init.ok).toBe(true);
  const unlock = await dispatch('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, ctx);
  expect(unlock.ok).toBe(true);
  return ctx;
}

describe('attachments.add through dispatch, against a real store', () => {
  it('stores a PNG and returns its reference, typed from the bytes', async () => {
    const ctx = await unlocked();
    const r = await dispatch('attachments.add', { name: 'passport-photo.png', dataBase64: PNG.toString('base64') }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toEqual({
      sha256: createHash('sha256').update(PNG).digest('hex'),
      name: 'passport-photo.png',
      mediaType: 'image/png',
      size: PNG.length,
    });
    // the bytes are really in the store, unchanged
    const { sha256 } = r.value as { sha256: string };
    expect(Buffer.from(ctx.storeSession!.store.attachments.get(sha256)!)).toEqual(PNG);
  });

  it('refuses an executable renamed as .png, with a clear message and nothing stored', async () => {
    const ctx = await unlocked();
    const r = await dispatch('attachments.add', { name: 'photo.png', dataBase64: ELF.toString('base64') }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/"photo\.png" is not a PDF, JPEG, PNG, WebP image or plain-text file/);
    expect(ctx.storeSession!.store.attachments.info(createHash('sha256').update(ELF).digest('hex'))).toBeUndefined();
  });

  it('takes a file of exactly 25 MB and refuses one byte more with the size in the message', async () => {
    const ctx = await unlocked();
    const cap = 25 * 1024 * 1024;
    const text = Buffer.alloc(cap + 1, 0x61); // plain text: "aaa…"
    const over = await dispatch('attachments.add', { name: 'notes.txt', dataBase64: text.toString('base64') }, ctx);
    expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '"notes.txt" is 25.0 MB; attachments may be at most 25 MB.' } });
    const atCap = await dispatch('attachments.add', { name: 'notes.txt', dataBase64: text.subarray(0, cap).toString('base64') }, ctx);
    expect(atCap).toMatchObject({ ok: true, value: { mediaType: 'text/plain', size: cap } });
  });

  it('refuses input that is not base64, and refuses before the store is unlocked', async () => {
    const ctx = await unlocked();
    const bad = await dispatch('attachments.add', { name: 'x.png', dataBase64: 'not base64!' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'dataBase64' } });
    await dispatch('store.lock', {}, ctx);
    const locked = await dispatch('attachments.add', { name: 'x.png', dataBase64: PNG.toString('base64') }, ctx);
    expect(locked).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
  });

  it('refuses an image declaring more pixels than the record decodes (a decompression bomb), and gives stored bytes back', async () => {
    const ctx = await unlocked();
    // A real PNG header declaring 20,000 × 20,000 pixels, with a tiny body: refused from the header alone.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20_000, 0);
    ihdr.writeUInt32BE(20_000, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const bomb = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', ihdr), pngChunk('IEND', Buffer.alloc(0))]);
    const refused = await dispatch('attachments.add', { name: 'scan.png', dataBase64: bomb.toString('base64') }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'dataBase64' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/declares 20000 × 20000 pixels/);

    const png = Buffer.from(makePng(40, 30, 1));
    const added = await dispatch('attachments.add', { name: 'photo.png', dataBase64: png.toString('base64') }, ctx);
    if (!added.ok) throw new Error(added.error.message);
    const got = await dispatch('attachments.get', { sha256: (added.value as { sha256: string }).sha256 }, ctx);
    expect(got).toMatchObject({ ok: true, value: { ref: { name: 'photo.png', mediaType: 'image/png' }, dataBase64: png.toString('base64') } });
    const missing = await dispatch('attachments.get', { sha256: '0'.repeat(64) }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
