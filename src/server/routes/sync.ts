/** Sync endpoints: thin over services/sync-push.ts and services/sync-pull.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../shared/sync/wire';
import { pullChanges } from '../services/sync-pull';
import { pushMutations } from '../services/sync-push';
import type { RouteDeps } from './context';
import { authGuard, errorResponses, requireAuth } from './context';

export const syncRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/api/sync/push',
    { onRequest: authGuard(deps), schema: { body: pushRequestSchema, response: { 200: pushResponseSchema, ...errorResponses } } },
    async (request) => pushMutations(deps.storage, requireAuth(request), request.body, deps.now()),
  );

  app.get(
    '/api/sync/pull',
    { onRequest: authGuard(deps), schema: { querystring: pullQuerySchema, response: { 200: pullResponseSchema, ...errorResponses } } },
    async (request) => pullChanges(deps.storage, requireAuth(request), request.query, deps.now()),
  );
};
