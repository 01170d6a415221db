/**
 * Health checks for load balancers and the device's "am I online" check. No auth, no data.
 * - `/api/health`: liveness. The process answers; a supervisor restarts it only when this fails.
 * - `/api/health/ready`: readiness. The database answers too; while it is away this says 503
 *   with Retry-After (error-handler.ts), so a proxy sends requests to another process
 *   instead, without anyone restarting a process that will recover by itself.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '../../shared/api/auth';
import { SCHEMA_VERSION } from '../../shared/sync/wire';
import type { RouteDeps } from './context';
import { errorResponses } from './context';

export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const schema = { response: { 200: healthResponseSchema, ...errorResponses } };
  app.get('/api/health', { schema }, async () => ({ status: 'ok' as const, schemaVersion: SCHEMA_VERSION }));
  app.get('/api/health/ready', { schema }, async () => {
    await sql`SELECT 1`.execute(deps.storage.db);
    return { status: 'ok' as const, schemaVersion: SCHEMA_VERSION };
  });
};
