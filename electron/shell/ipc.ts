import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, IPC_PREFIX, type Result } from '../../shared/contract';
import { dispatch } from '../api/dispatch';
import type { HandlerContext } from '../api/context';
import { isAppUrl } from './protocol';

/** Binds every contract channel to ipcMain; only the app's own top frame may call. */
export function bindHandlers(ctx: HandlerContext): void {
  for (const name of channelNames) {
    ipcMain.handle(IPC_PREFIX + name, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Carefile window.' } };
      }
      return dispatch(name, input, ctx);
    });
  }
}
