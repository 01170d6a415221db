/**
 * What every route plugin is given, and the bearer-token guard. The guard runs onRequest,
 * before the body is even read, so an anonymous caller learns nothing about the API's
 * schemas; it puts the resolved user and device on `request.auth`, which handlers read
 * through `requireAuth`.
 */
import type { FastifyRequest } from 'fastify';
import { errorBodySchema } from '../../shared/api/auth';
import type { AuthContext } from '../auth/authenticate';
import { authenticate } from '../auth/authenticate';
import type { Storage } from '../storage/database';
import { ApiError, unauthorized } from '../services/errors';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export interface RouteDeps {
  readonly storage: Storage;
  readonly now: () => number;
}

/**
 * Authenticates the request. A person signed in with a temporary password may only choose
 * their own, see who they are, or sign out (`duringPasswordChange`); anything else answers
 * 403 `password_change_required`.
 */
export function authGuard(deps: RouteDeps, options: { duringPasswordChange?: boolean } = {}): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    request.auth = await authenticate(deps.storage, request.headers.authorization, deps.now());
    if (request.auth.user.mustChangePassword && options.duringPasswordChange !== true) {
      throw new ApiError(403, 'password_change_required', 'Choose your own password first.');
    }
  };
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (request.auth === null) throw unauthorized();
  return request.auth;
}

/** The signed-in user and device, as services take them. */
export function actorOf(request: FastifyRequest): { user: AuthContext['user']; deviceId: string } {
  const auth = requireAuth(request);
  return { user: auth.user, deviceId: auth.device.id };
}

/** Every error status answers the same body shape. */
export const errorResponses = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;
