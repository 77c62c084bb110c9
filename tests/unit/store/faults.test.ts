import { describe, expect, it } from 'vitest';
import { asMachineFault, faultOf, MachineFaultError, StoreUnavailableError } from '../../../electron/store/index';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { HandlerMap } from '../../../electron/api/types';

const errno = (code: string) => Object.assign(new Error(`${code}: something, open '/secret/path'`), { code });

describe('the machine\'s faults as typed errors', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['SQLITE_FULL', 'disk-full'],
    ['EROFS', 'read-only'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['EACCES', 'permission'],
    ['EPERM', 'permission'],
    ['SQLITE_CANTOPEN', 'permission'],
    ['EBUSY', 'busy'],
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['EIO', 'disk-error'],
    ['SQLITE_IOERR_READ', 'disk-error'],
    ['EMFILE', 'too-many-files'],
  ])('%s is %s: STORE_UNAVAILABLE in plain words, without the path', (code, fault) => {
    expect(faultOf(errno(code))?.fault).toBe(fault);
    const typed = asMachineFault(errno(code))!;
    expect(typed).toBeInstanceOf(MachineFaultError);
    expect(typed).toBeInstanceOf(StoreUnavailableError);
    expect(typed.code).toBe('STORE_UNAVAILABLE');
    expect(typed.message).not.toMatch(/secret/);
  });

  it('leaves bugs and bad input alone', () => {
    expect(faultOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(faultOf(errno('ENOENT'))).toBeUndefined();
    expect(faultOf(errno('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
  });

  it('a fault thrown anywhere in a handler reaches the caller as STORE_UNAVAILABLE, never INTERNAL', async () => {
    const throwing = { ...handlers, 'app.info': () => Promise.reject(errno('EBUSY')) } as HandlerMap;
    const res = await dispatch('app.info', {}, { app: { version: '0', mode: 'cli' }, dataDir: '/nowhere' }, throwing);
    expect(res).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    expect(!res.ok && res.error.message).toMatch(/held by another program/);
  });
});
