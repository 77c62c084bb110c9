import { shell } from 'electron';
import { isAllowedExternalUrl } from '../security/external-links';

/** The only route to shell.openExternal: allow-listed https links, everything else dropped. */
export async function openExternalSafely(raw: string): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await shell.openExternal(raw);
  return true;
}
