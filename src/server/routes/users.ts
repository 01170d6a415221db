/**
 * User management: a team lead adds people to their team (an admin also team leads), lists
 * the team, renames, re-roles or deactivates a colleague, and resets a forgotten password. Thin over services: who may do
 * what is decided there, from the policy table and the token's team.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, listUsersResponseSchema, teamUserSchema, updateUserRequestSchema } from '../../shared/api/admin';
import { createUserRequestSchema, createUserResponseSchema, temporaryPasswordResponseSchema } from '../../shared/api/auth';
import { listUsers, resetUserPassword, updateTeamUser } from '../services/team-admin';
import { createUser } from '../services/users-service';
import type { RouteDeps } from './context';
import { actorOf, authGuard, errorResponses } from './context';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/api/users',
    { onRequest: authGuard(deps), schema: { body: createUserRequestSchema, response: { 201: createUserResponseSchema, ...errorResponses } } },
    async (request, reply) => {
      const record = await createUser(deps.storage, actorOf(request), request.body, deps.now());
      return reply.code(201).send(record);
    },
  );

  app.get(
    '/api/users',
    { onRequest: authGuard(deps), schema: { response: { 200: listUsersResponseSchema, ...errorResponses } } },
    async (request) => listUsers(deps.storage, actorOf(request)),
  );

  app.patch(
    '/api/users/:id',
    {
      onRequest: authGuard(deps),
      schema: { params: idParamsSchema, body: updateUserRequestSchema, response: { 200: teamUserSchema, ...errorResponses } },
    },
    async (request) => updateTeamUser(deps.storage, actorOf(request), request.params.id, request.body, deps.now()),
  );

  app.post(
    '/api/users/:id/password',
    { onRequest: authGuard(deps), schema: { params: idParamsSchema, response: { 200: temporaryPasswordResponseSchema, ...errorResponses } } },
    async (request) => resetUserPassword(deps.storage, actorOf(request), request.params.id),
  );
};
