/**
 * Server configuration, parsed from the environment once at start. A bad value stops the
 * process with a message that names the variable, rather than failing later at runtime.
 */
import { z } from 'zod';

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
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly staticDir: string;
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
    },
  };
}
