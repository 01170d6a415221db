/**
 * A person's rights over their data. Erasing: a team lead asks, a second confirms (or
 * cancels); an admin's request is carried out at once (services/erasure.ts). Subject
 * access: everything held about one person (services/subject-access.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/admin';
import { erasureSchema, listErasuresResponseSchema, requestErasureSchema } from '../../shared/api/erasure';
import { subjectAccessSchema } from '../../shared/api/subject-access';
import { cancelErasure, confirmErasure, listErasures, requestErasure } from '../services/erasure';
import { exportSubjectAccess } from '../services/subject-access';
import type { RouteDeps } from './context';
import { actorOf, authGuard, errorResponses } from './context';

export const dataRightsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/clients/:id/export',
    { onRequest: authGuard(deps), schema: { params: idParamsSchema, response: { 200: subjectAccessSchema, ...errorResponses } } },
    async (request) => exportSubjectAccess(deps.storage, actorOf(request), request.params.id, deps.now()),
  );

  app.get(
    '/api/erasures',
    { onRequest: authGuard(deps), schema: { response: { 200: listErasuresResponseSchema, ...errorResponses } } },
    async (request) => listErasures(deps.storage, actorOf(request)),
  );

  app.post(
    '/api/erasures',
    { onRequest: authGuard(deps), schema: { body: requestErasureSchema, response: { 201: erasureSchema, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await requestErasure(deps.storage, actorOf(request), request.body, deps.now())),
  );

  app.post(
    '/api/erasures/:id/confirm',
    { onRequest: authGuard(deps), schema: { params: idParamsSchema, response: { 200: erasureSchema, ...errorResponses } } },
    async (request) => confirmErasure(deps.storage, actorOf(request), request.params.id, deps.now()),
  );

  app.post(
    '/api/erasures/:id/cancel',
    { onRequest: authGuard(deps), schema: { params: idParamsSchema, response: { 200: erasureSchema, ...errorResponses } } },
    async (request) => cancelErasure(deps.storage, actorOf(request), request.params.id, deps.now()),
  );
};
