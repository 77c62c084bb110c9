import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path inside the built renderer folder and nowhere else: `..`, encoded slashes
 * and absolute paths are refused. Paths without a file extension are the single-page app's routes
 * and get index.html. Shared by the Electron protocol handler and the loopback server.
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const root = path.resolve(rootDir);
  const wantsRoute = path.extname(decoded) === '';
  const relative = wantsRoute ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
    return { body: await readFile(full), contentType: TYPES[path.extname(full)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
