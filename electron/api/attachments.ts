import type { HandlerMap } from './types';
import { guardStore, storeSessionOf } from './store';
import { ApiFailure } from './errors';
import { checkImageSize } from './attachment-intake';

export const attachmentHandlers = {
  'attachments.add': (input, ctx) =>
    guardStore(() => {
      const bytes = new Uint8Array(Buffer.from(input.dataBase64, 'base64'));
      checkImageSize(input.name, bytes);
      return storeSessionOf(ctx).store.attachments.put(bytes, input.name);
    }),
  // Every signed-in user may read every assessment, so every attachment; the bytes go to the app's
  // own preview (rendered into a canvas, never opened by another program).
  'attachments.get': (input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      const ref = store.attachments.info(input.sha256);
      const bytes = ref ? store.attachments.get(input.sha256) : undefined;
      if (!ref || !bytes) throw new ApiFailure('NOT_FOUND', 'That attachment is not in this store.', 'sha256');
      return { ref, dataBase64: Buffer.from(bytes).toString('base64') };
    }),
} satisfies Partial<HandlerMap>;
