/**
 * Sign-in routes. Login is rate-limited per address, per address and account, and per
 * account (services/login-limits.ts), counted in the database so the limits hold across
 * server processes; the address is the client's as a trusted proxy reports it
 * (`LANTERN_TRUST_PROXY`), else the connection's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, loginResponseSchema, meResponseSchema } from '../../shared/api/auth';
import { ApiError } from '../services/errors';
import { login, logout, me } from '../services/auth-service';
import { createLoginLimiter } from '../services/login-limits';
import type { RouteDeps } from './context';
import { authGuard, errorResponses, requireAuth } from './context';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const limiter = createLoginLimiter(deps.storage);

  app.post(
    '/api/auth/login',
    { schema: { body: loginRequestSchema, response: { 200: loginResponseSchema, ...errorResponses } } },
    async (request) => {
      if (!(await limiter.admits({ address: request.ip, username: request.body.username }, deps.now()))) {
        throw new ApiError(429, 'rate_limited', 'Too many sign-in attempts. Wait a minute and try again.');
      }
      return login(deps.storage, request.body, deps.now());
    },
  );

  app.post(
    '/api/auth/logout',
    { onRequest: authGuard(deps), schema: { response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await logout(deps.storage, requireAuth(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { onRequest: authGuard(deps), schema: { response: { 200: meResponseSchema, ...errorResponses } } },
    async (request) => me(deps.storage, requireAuth(request)),
  );
};
