/**
 * What the server writes to its log. A leaked log must not expose anyone, so a line holds
 * the method, the route PATTERN (`/api/users/:id`, never the raw URL with its ids and query
 * values), the status and the duration — never a body, a header, a query value or a name.
 * Fastify's own request logging is off; `logRequest` writes exactly one line per request.
 */
import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { safeErrorSummary } from './error-handler';

/** Anything a log line can be written to: a Writable, or a test's collector. */
export interface LogStream {
  write(line: string): void;
}

const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? '(unmatched)';

/** Logger options: off unless enabled or given a stream; serializers that drop everything identifying. */
export function loggerOptions(enabled: boolean | undefined, stream: LogStream | undefined): FastifyServerOptions['logger'] {
  if (enabled !== true && stream === undefined) return false;
  return {
    level: 'info',
    ...(stream !== undefined ? { stream } : {}),
    // If anything ever logs a request or reply object, only these survive.
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? '(unmatched)' }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Fastify's own per-request lines are off: they print raw URLs (`Route GET:/api/x?q=… not
 * found`) and error messages. A response that fails its own schema is still worth a line.
 */
export class QuietLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: true });
  }

  override serializerError(error: Error, _request: FastifyRequest, reply: FastifyReply, metadata: { statusCode: number }): void {
    reply.log.error({ err: safeErrorSummary(error), status: metadata.statusCode }, 'response failed its schema');
  }
}

/** The one line per request (an onResponse hook). */
export async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.log.info(
    { method: request.method, route: routeOf(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
    'request',
  );
}
