/** User management: an admin team lead adds people to their team. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUserRequestSchema } from '../../shared/api/auth';
import { userRecordSchema } from '../../shared/domain/people';
import { createUser } from '../services/users-service';
import type { RouteDeps } from './context';
import { authGuard, errorResponses, requireAuth } from './context';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/api/users',
    { onRequest: authGuard(deps), schema: { body: createUserRequestSchema, response: { 201: userRecordSchema, ...errorResponses } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const record = await createUser(deps.storage, { user: auth.user, deviceId: auth.device.id }, request.body, deps.now());
      return reply.code(201).send(record);
    },
  );
};
