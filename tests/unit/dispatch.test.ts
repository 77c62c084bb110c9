import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { HandlerContext } from '../../electron/api/context';

const ctx: HandlerContext = { app: { version: '0.0.0-test', mode: 'browser' }, dataDir: '/nonexistent' };

describe('dispatch', () => {
  it('answers app.info through the contract', async () => {
    const res = await dispatch('app.info', {}, ctx);
    expect(res).toMatchObject({ ok: true, value: { name: 'Carefile', version: '0.0.0-test', mode: 'browser' } });
  });

  it('refuses an unknown channel', async () => {
    const res = await dispatch('store.dropEverything', {}, ctx);
    expect(res).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such channel.' } });
  });

  it('refuses stray input fields with a typed error naming nothing secret', async () => {
    const res = await dispatch('app.info', { sql: 'drop table x' }, ctx);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INVALID_INPUT');
  });

  it('refuses inherited names such as toString', async () => {
    const res = await dispatch('toString', {}, ctx);
    expect(res.ok).toBe(false);
  });
});
