import type { HandlerMap } from './types';
import { guardStore, storeSessionOf } from './store';

export const attachmentHandlers = {
  'attachments.add': (input, ctx) =>
    guardStore(() => storeSessionOf(ctx).store.attachments.put(new Uint8Array(Buffer.from(input.dataBase64, 'base64')), input.name)),
} satisfies Partial<HandlerMap>;
