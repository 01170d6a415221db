/**
 * Builds the HTTP application (no listen), so tests run it in process and main.ts serves it.
 * Every request and response goes through the shared zod schemas; every error answers the
 * shared error body; `/api` answers are never cached; the PWA gets a strict CSP.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { handleError, toErrorReply } from './error-handler';
import { databaseRateLimitStore } from './rate-limit-store';
import { guardBody } from './input-guards';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/team';
import { dataRightsRoutes } from './routes/data-rights';
import { userRoutes } from './routes/users';
import { ApiError } from './services/errors';
import type { Storage } from './storage/database';
import { loggerOptions, logRequest, QuietLogController } from './request-log';
import type { LogStream } from './request-log';
import { hasStaticApp, registerStaticApp } from './static-files';

export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppDeps {
  readonly storage: Storage;
  readonly staticDir?: string;
  readonly logger?: boolean;
  readonly now?: () => number;
  /** Where log lines go (tests capture them); setting it turns logging on. */
  readonly logStream?: LogStream;
  /**
   * The reverse proxies to believe about the client's address (`LANTERN_TRUST_PROXY`):
   * their addresses and ranges. Unset, X-Forwarded-For is ignored.
   */
  readonly trustProxy?: false | readonly string[];
}

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const app = Fastify({
    logger: loggerOptions(deps.logger, deps.logStream),
    logController: new QuietLogController(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy ? [...deps.trustProxy] : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('auth', null);

  app.addHook('onResponse', logRequest);
  app.addHook('preValidation', guardBody);
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApi(request.url)) reply.header('Cache-Control', 'no-store');
    return payload;
  });
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
  await app.register(rateLimit, {
    global: false,
    // Counted in the database, so limits hold across every API process on it.
    store: databaseRateLimitStore(deps.storage, now),
    errorResponseBuilder: () => new ApiError(429, 'rate_limited', 'Too many requests. Wait a minute and try again.'),
  });

  const routeDeps = { storage: deps.storage, now };
  await app.register(healthRoutes, routeDeps);
  await app.register(authRoutes, routeDeps);
  await app.register(syncRoutes, routeDeps);
  await app.register(userRoutes, routeDeps);
  await app.register(teamRoutes, routeDeps);
  await app.register(dataRightsRoutes, routeDeps);

  const staticApp = hasStaticApp(deps.staticDir);
  if (staticApp && deps.staticDir !== undefined) await registerStaticApp(app, deps.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (staticApp && request.method === 'GET' && !isApi(request.url)) {
      return reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
    }
    const { status, body } = toErrorReply(new ApiError(404, 'not_found', 'No such endpoint.'));
    return reply.code(status).send(body);
  });
  await app.ready();
  return app;
}
