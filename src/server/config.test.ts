import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('parseConfig', () => {
  it('applies defaults', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: './data',
        databaseUrl: undefined,
        adminPassword: undefined,
        staticDir: 'dist',
      },
    });
  });

  it('reads every variable', () => {
    const r = parseConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      LANTERN_DATA_DIR: '/var/lantern',
      DATABASE_URL: 'postgres://u@h/db',
      LANTERN_ADMIN_PASSWORD: 'long-enough-pw',
      LANTERN_STATIC_DIR: 'public',
    });
    expect(r.ok && r.config).toMatchObject({ port: 9000, host: '127.0.0.1', databaseUrl: 'postgres://u@h/db' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LANTERN_ADMIN_PASSWORD: 'short' }, 'LANTERN_ADMIN_PASSWORD'],
  ])('rejects %o naming %s', (env, name) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(name);
  });

  it('treats empty strings as unset', () => {
    const r = parseConfig({ PORT: '', DATABASE_URL: '' });
    expect(r.ok && r.config.port).toBe(8080);
  });
});
