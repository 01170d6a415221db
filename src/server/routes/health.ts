/** Liveness for load balancers and the device's "am I online" check. No auth, no data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '../../shared/api/auth';
import { SCHEMA_VERSION } from '../../shared/sync/wire';
import { errorResponses } from './context';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { response: { 200: healthResponseSchema, ...errorResponses } } }, async () => ({
    status: 'ok' as const,
    schemaVersion: SCHEMA_VERSION,
  }));
};
