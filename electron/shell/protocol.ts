import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../security/headers';
import { readStaticFile } from '../security/static-files';

/** The renderer is served from app://carefile/ rather than file://, so CSP and origin checks mean something. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://carefile`;

/** Must run before the app's ready event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'carefile') return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}

export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    return new URL(raw).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
