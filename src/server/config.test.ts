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
        trustProxy: false,
        retention: { peopleYears: 6, anonymousContactsYears: 6, auditYears: 6, devicesDays: 90, tombstonesDays: 90 },
        retentionEveryMs: 3_600_000,
      },
    });
  });

  it('reads the retention periods', () => {
    const r = parseConfig({
      LANTERN_RETAIN_PEOPLE_YEARS: '7',
      LANTERN_RETAIN_ANONYMOUS_CONTACTS_YEARS: '2',
      LANTERN_RETAIN_AUDIT_YEARS: '8',
      LANTERN_RETAIN_DEVICES_DAYS: '30',
      LANTERN_RETAIN_TOMBSTONES_DAYS: '120',
      LANTERN_RETENTION_EVERY_MINUTES: '15',
    });
    expect(r.ok && r.config).toMatchObject({ retention: { peopleYears: 7, anonymousContactsYears: 2, auditYears: 8, devicesDays: 30, tombstonesDays: 120 }, retentionEveryMs: 900_000 });
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
    [{ LANTERN_RETAIN_PEOPLE_YEARS: '0' }, 'LANTERN_RETAIN_PEOPLE_YEARS'],
    [{ LANTERN_RETAIN_TOMBSTONES_DAYS: 'soon' }, 'LANTERN_RETAIN_TOMBSTONES_DAYS'],
  ])('rejects %o naming %s', (env, name) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(name);
  });

  it.each([
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.0/8, 192.168.1.10 ,::1, fd00::/8 ', ['10.0.0.0/8', '192.168.1.10', '::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads LANTERN_TRUST_PROXY=%j as a list of proxies', (value, expected) => {
    const r = parseConfig({ LANTERN_TRUST_PROXY: value });
    expect(r.ok && r.config.trustProxy).toEqual(expected);
  });

  it.each(['1', '0', 'true', 'yes', '-1', '1.5', '10.0.0.0/99', '300.1.1.1', '127.0.0.1,,10.0.0.1', 'proxy.example'])('rejects LANTERN_TRUST_PROXY=%j', (value) => {
    const r = parseConfig({ LANTERN_TRUST_PROXY: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('LANTERN_TRUST_PROXY');
  });

  it('treats empty strings as unset', () => {
    const r = parseConfig({ PORT: '', DATABASE_URL: '' });
    expect(r.ok && r.config.port).toBe(8080);
  });
});
