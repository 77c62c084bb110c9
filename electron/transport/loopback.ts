/**
 * Browser mode: the same renderer and the same handler map as the Electron app, served on
 * 127.0.0.1 only. A random token printed once in the terminal is exchanged for an HttpOnly,
 * SameSite=Strict session cookie; Host and Origin are checked on every request so that another
 * site (DNS rebinding, a page in the same browser) cannot reach the API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../api/dispatch';
import type { HandlerContext } from '../api/context';
import { SECURITY_HEADERS } from '../security/headers';
import { readStaticFile } from '../security/static-files';

export interface LoopbackOptions {
  /** The built renderer (vite build output). */
  staticDir: string;
  ctx: HandlerContext;
  /** 0 picks a free port. */
  port?: number;
  /** Tests may fix the token; the launcher never does. */
  token?: string;
  /** Largest accepted API body: attachments travel as base64 inside JSON. */
  maxBodyBytes?: number;
}

export interface LoopbackServer {
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'carefile_session';
const API_PREFIX = '/api/';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra });
  res.end(body);
}

function refuse(res: ServerResponse, status: 401 | 403 | 404 | 405 | 413 | 415 | 421, message: string): void {
  send(res, status, `${message}\n`, 'text/plain; charset=utf-8');
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const sessions = new Set<string>();
  const maxBody = options.maxBodyBytes ?? 40 * 1024 * 1024;
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 403, 'Request refused.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Host: only the loopback names of this very port (defeats DNS rebinding).
    if (!req.headers.host || !allowedHosts.has(req.headers.host.toLowerCase())) {
      return refuse(res, 403, 'Unexpected Host header.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return refuse(res, 403, 'Cross-origin request refused.');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const session = cookieValue(req, SESSION_COOKIE);
    const hasSession = session !== undefined && sessions.has(session);

    const offered = url.searchParams.get('token');
    if (!hasSession && offered !== null && req.method === 'GET' && sameSecret(offered, token)) {
      const id = randomBytes(32).toString('base64url');
      sessions.add(id);
      // Redirect so the token leaves the address bar and history at once.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    if (!hasSession) {
      return refuse(res, 401, 'Carefile: open the address printed in the terminal (it carries the access token).');
    }

    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST.');
      // A same-origin fetch always sends Origin on POST; its absence means something else is calling.
      if (origin === undefined) return refuse(res, 403, 'Origin header required.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'API calls send JSON.');
      }
      const body = await readBody(req, maxBody);
      if (body === 'too-large') return refuse(res, 413, 'Request too large.');
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        const result = { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' } };
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      const name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      const result = await dispatch(name, input, options.ctx);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    send(res, 200, req.method === 'HEAD' ? '' : file.body, file.contentType);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
