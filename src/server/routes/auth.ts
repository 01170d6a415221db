/**
 * Sign-in routes. Login is rate-limited three ways, checked in this order and counted only
 * until one refuses: per address (one machine guessing many accounts), per address and
 * account (one machine guessing one account), and per account from everywhere, with a
 * ceiling three times the per-address one. One attacker hammering an account from one
 * address is stopped by the second limit before the account-wide count grows, so the owner
 * can still sign in from their own phone; it takes several addresses at once to slow them.
 * Counts live in the database (rate-limit-store.ts), so they hold across server processes;
 * the address is the client's as a trusted proxy reports it (`LANTERN_TRUST_PROXY`).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordRequestSchema, loginRequestSchema, loginResponseSchema, meResponseSchema } from '../../shared/api/auth';
import { ApiError } from '../services/errors';
import { changePassword, login, logout, me } from '../services/auth-service';
import type { RouteDeps } from './context';
import { authGuard, errorResponses, requireAuth } from './context';

const LOGIN_WINDOW_MS = 60_000;
const LOGIN_LIMIT_PER_ADDRESS = 50;
const LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS = 10;
const LOGIN_LIMIT_PER_ACCOUNT = 3 * LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS;

function usernameOf(request: FastifyRequest): string {
  const parsed = z.object({ username: z.string() }).safeParse(request.body);
  return parsed.success ? parsed.data.username : '';
}

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const limiters = [
    app.createRateLimit({ max: LOGIN_LIMIT_PER_ADDRESS, timeWindow: LOGIN_WINDOW_MS, keyGenerator: (r) => `login-ip:${r.ip}` }),
    app.createRateLimit({ max: LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS, timeWindow: LOGIN_WINDOW_MS, keyGenerator: (r) => `login-user:${r.ip}:${usernameOf(r)}` }),
    app.createRateLimit({ max: LOGIN_LIMIT_PER_ACCOUNT, timeWindow: LOGIN_WINDOW_MS, keyGenerator: (r) => `login-account:${usernameOf(r)}` }),
  ];
  const limitLogin = async (request: FastifyRequest): Promise<void> => {
    for (const limiter of limiters) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) {
        throw new ApiError(429, 'rate_limited', 'Too many sign-in attempts. Wait a minute and try again.');
      }
    }
  };

  app.post(
    '/api/auth/login',
    { preHandler: limitLogin, schema: { body: loginRequestSchema, response: { 200: loginResponseSchema, ...errorResponses } } },
    async (request) => login(deps.storage, request.body, deps.now()),
  );

  app.post(
    '/api/auth/logout',
    { onRequest: authGuard(deps, { duringPasswordChange: true }), schema: { response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await logout(deps.storage, requireAuth(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { onRequest: authGuard(deps, { duringPasswordChange: true }), schema: { response: { 200: meResponseSchema, ...errorResponses } } },
    async (request) => me(deps.storage, requireAuth(request)),
  );

  app.post(
    '/api/auth/password',
    { onRequest: authGuard(deps, { duringPasswordChange: true }), schema: { body: changePasswordRequestSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await changePassword(deps.storage, requireAuth(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
