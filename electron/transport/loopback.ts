/**
 * Browser mode: the same renderer and the same handler map as the Electron app, served on
 * 127.0.0.1 only. A random token printed in the terminal works once and only for a short time
 * (60 s): it is exchanged for an HttpOnly, SameSite=Strict session cookie and leaves the address
 * bar by redirect, so a token found later in the browser's history opens nothing. The terminal
 * gives a fresh address on request (electron/launch.ts). Host and Origin are checked on every
 * request so that another site (DNS rebinding, a page in the same browser) cannot reach the API.
 *
 * One person, one session: each browser session (cookie) must sign in with a passphrase itself.
 * The store is unlocked for the session that signed in; any other session sees it locked
 * (store.status says so, every other channel answers NOT_UNLOCKED), and when another session
 * signs in, the first is signed out (the store session changes person: electron/store/session.ts).
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
  /** How long a printed address works (default 60 s); it works once either way. */
  tokenTtlMs?: number;
}

export interface LoopbackServer {
  /** The first address to open (its token works once, for tokenTtlMs). */
  url: string;
  origin: string;
  port: number;
  /** A fresh address (the previous unused one stops working). */
  newAddress(): string;
  close(): Promise<void>;
}

/** Channels a browser session may call while the store is unlocked for another session. */
const OPEN_TO_OTHER_SESSIONS = new Set(['app.info', 'store.status', 'store.unlock', 'store.unlockWithRecoveryKey', 'store.lock', 'store.init']);
const SIGN_IN = new Set(['store.unlock', 'store.unlockWithRecoveryKey']);

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
  const ttl = options.tokenTtlMs ?? 60_000;
  let token: { value: string; expiresAt: number } | undefined = { value: options.token ?? randomBytes(32).toString('base64url'), expiresAt: Date.now() + ttl };
  const firstToken = token.value;
  const sessions = new Set<string>();
  /** The browser session the store is unlocked for. */
  let owner: string | undefined;
  const unlocked = () => options.ctx.storeSession?.state === 'unlocked';

  /** The API for one browser session: its own sign-in, never another session's. */
  async function apiFor(session: string, name: string, input: unknown): Promise<unknown> {
    const other = unlocked() && owner !== session;
    if (other && !OPEN_TO_OTHER_SESSIONS.has(name)) {
      return { ok: false, error: { code: 'NOT_UNLOCKED', message: 'This browser window is not signed in: sign in with your passphrase.' } };
    }
    if (other && (name === 'store.status' || name === 'store.lock')) {
      return { ok: true, value: { state: 'locked', backoffMs: options.ctx.storeSession?.backoffMs() ?? 0 } };
    }
    const result = await dispatch(name, input, options.ctx);
    if (result.ok && SIGN_IN.has(name)) owner = session;
    if (result.ok && name === 'store.lock') owner = undefined;
    return result;
  }
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
    if (offered !== null && req.method === 'GET' && token && Date.now() <= token.expiresAt && sameSecret(offered, token.value)) {
      // Used once: the address printed (and kept in the browser's history) opens nothing again.
      token = undefined;
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
      return refuse(
        res,
        401,
        'Carefile: this address has been used or has expired. Each address printed in the terminal works once, within a minute: press Enter in the terminal for a new one.',
      );
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
      const result = await apiFor(session!, name, input);
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
    url: `${origin}/?token=${firstToken}`,
    origin,
    port,
    newAddress() {
      token = { value: randomBytes(32).toString('base64url'), expiresAt: Date.now() + ttl };
      return `${origin}/?token=${token.value}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
