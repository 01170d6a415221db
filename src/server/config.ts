/**
 * Server configuration, parsed from the environment once at start. A bad value stops the
 * process with a message that names the variable, rather than failing later at runtime.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionPolicy } from './services/retention-policy';

/** Names proxy-addr (Fastify's `trustProxy`) knows for common private ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;
const proxyAddressSchema = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.enum(PROXY_RANGE_NAMES)]);

/**
 * Which reverse proxies to believe about the client's address (X-Forwarded-For): a
 * comma-separated list of proxy addresses and CIDR ranges; unset trusts none. Never "all",
 * and never a hop count (Fastify refuses one): either would let a client that reaches the
 * server directly choose the address its login attempts are counted for.
 */
const trustProxySchema = z.string().transform((value, ctx): false | string[] => {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => proxyAddressSchema.safeParse(entry).success)) return entries;
  const hint = /^\s*\d+\s*$/.test(value) ? ' (a hop count cannot tell the proxy from a client)' : '';
  ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of proxy addresses or CIDR ranges${hint}` });
  return z.NEVER;
});

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LANTERN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LANTERN_ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').max(200).optional(),
  LANTERN_STATIC_DIR: z.string().min(1).default('dist'),
  LANTERN_TRUST_PROXY: trustProxySchema.default(false),
  // Retention (services/retention.ts; the README explains the defaults).
  LANTERN_RETAIN_PEOPLE_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION.peopleYears),
  LANTERN_RETAIN_ANONYMOUS_CONTACTS_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION.anonymousContactsYears),
  LANTERN_RETAIN_AUDIT_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION.auditYears),
  LANTERN_RETAIN_DEVICES_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION.devicesDays),
  LANTERN_RETAIN_TOMBSTONES_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION.tombstonesDays),
  LANTERN_RETENTION_EVERY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly staticDir: string;
  /** Fastify's `trustProxy`: false, or the proxies' addresses and ranges. */
  readonly trustProxy: false | readonly string[];
  readonly retention: RetentionPolicy;
  /** How often the retention job runs. */
  readonly retentionEveryMs: number;
}

/** The embedded SQLite database inside the data directory: the server and `npm run backup` agree on it. */
export function sqliteFileIn(dataDir: string): string {
  return join(resolve(dataDir), 'lantern.sqlite');
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

/** Parses the environment; empty strings count as unset so `FOO= cmd` behaves as expected. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    return { ok: false, message: `Invalid configuration:\n${lines.join('\n')}` };
  }
  const e = result.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.LANTERN_DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      adminPassword: e.LANTERN_ADMIN_PASSWORD,
      staticDir: e.LANTERN_STATIC_DIR,
      trustProxy: e.LANTERN_TRUST_PROXY,
      retention: {
        peopleYears: e.LANTERN_RETAIN_PEOPLE_YEARS,
        anonymousContactsYears: e.LANTERN_RETAIN_ANONYMOUS_CONTACTS_YEARS,
        auditYears: e.LANTERN_RETAIN_AUDIT_YEARS,
        devicesDays: e.LANTERN_RETAIN_DEVICES_DAYS,
        tombstonesDays: e.LANTERN_RETAIN_TOMBSTONES_DAYS,
      },
      retentionEveryMs: e.LANTERN_RETENTION_EVERY_MINUTES * 60_000,
    },
  };
}
