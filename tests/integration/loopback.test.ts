import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../electron/transport/loopback';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/headers';
import { StoreSession, TEST_KDF } from '../../electron/store/index';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(server: LoopbackServer, pathName: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathName, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode loopback server', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carefile-static-'));
  const secretDir = mkdtempSync(path.join(os.tmpdir(), 'carefile-secret-'));
  let server: LoopbackServer;
  let cookie = '';

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Carefile</title>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(secretDir, 'secret.txt'), 'not for the web');
    server = await startLoopbackServer({ staticDir: dir, token: 'test-token-123', ctx: { app: { version: '9.9.9', mode: 'browser' }, dataDir: secretDir } });
    const res = await call(server, '/?token=test-token-123');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(secretDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and prints a tokened URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=test-token-123`);
  });

  it('refuses a request without the token or cookie', async () => {
    expect((await call(server, '/')).status).toBe(401);
    expect((await call(server, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    expect((await call(server, '/?token=test-token-124')).status).toBe(401);
  });

  it('refuses a foreign Host header even with a valid session (DNS rebinding)', async () => {
    const res = await call(server, '/', { headers: { Host: 'attacker.example', Cookie: cookie } });
    expect(res.status).toBe(403);
  });

  it('serves the app with the strict CSP once the cookie is set', async () => {
    const res = await call(server, '/', { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Carefile</title>');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('does not serve files outside the renderer folder', async () => {
    const rel = path.relative(dir, path.join(secretDir, 'secret.txt'));
    for (const p of [`/${rel}`, `/..%2f${path.basename(secretDir)}%2fsecret.txt`, '/%2e%2e/%2e%2e/etc/passwd.txt']) {
      const res = await call(server, p, { headers: { Cookie: cookie } });
      expect(res.body).not.toContain('not for the web');
      expect(res.status).toBe(404);
    }
  });

  it('answers API calls from its own origin through the contract', async () => {
    const res = await call(server, '/api/app.info', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: server.origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Carefile', version: '9.9.9', mode: 'browser' } });
  });

  it('refuses API calls from another origin or without an Origin', async () => {
    const foreign = await call(server, '/api/app.info', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const none = await call(server, '/api/app.info', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(403);
  });

  it('answers malformed JSON with a typed error, not a crash', async () => {
    const res = await call(server, '/api/app.info', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: server.origin, 'Content-Type': 'application/json' },
      body: '{"oops":',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('browser-mode sign-in: one-use address, one person per session', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carefile-static-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carefile-session-'));
  let server: LoopbackServer;
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Carefile</title>');
    server = await startLoopbackServer({ staticDir: dir, tokenTtlMs: 2_000, ctx: { app: { version: '1', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, TEST_KDF) } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function exchange(url: string): Promise<string | undefined> {
    const u = new URL(url);
    const res = await call(server, `${u.pathname}${u.search}`);
    return res.status === 303 ? String(res.headers['set-cookie']).split(';')[0] : undefined;
  }
  const api = async (cookie: string, name: string, input: unknown = {}) =>
    JSON.parse((await call(server, `/api/${name}`, { method: 'POST', headers: { Cookie: cookie, Origin: server.origin, 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).body);

  it('the printed address works once; a later one expires unused', async () => {
    const first = await exchange(server.url);
    expect(first).toBeDefined();
    expect(await exchange(server.url)).toBeUndefined();
    const late = server.newAddress();
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await exchange(late)).toBeUndefined();
  });

  it('a second browser session is not signed in; signing in there signs the first out', async () => {
    const a = (await exchange(server.newAddress()))!;
    expect((await api(a, 'store.init', { adminName: 'admin', passphrase: 'violet-harbour-lantern-42' })).ok).toBe(true);
    expect((await api(a, 'store.unlock', { userName: 'admin', passphrase: 'violet-harbour-lantern-42' })).value.state).toBe('unlocked');
    expect((await api(a, 'users.list')).ok).toBe(true);

    const b = (await exchange(server.newAddress()))!;
    expect((await api(b, 'store.status')).value).toMatchObject({ state: 'locked' });
    expect(await api(b, 'users.list')).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect(await api(b, 'assessments.list')).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    // B's Lock does not lock A out.
    await api(b, 'store.lock');
    expect((await api(a, 'users.list')).ok).toBe(true);

    expect((await api(b, 'store.unlock', { userName: 'admin', passphrase: 'violet-harbour-lantern-42' })).value.state).toBe('unlocked');
    expect(await api(a, 'users.list')).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect((await api(a, 'store.status')).value.state).toBe('locked');
    expect((await api(b, 'users.list')).ok).toBe(true);
    await api(b, 'store.lock');
  });
});
