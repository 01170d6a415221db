/**
 * Turns anything thrown while handling a request into an `errorBodySchema` answer. Bad
 * input is always a 4xx with a message a person can act on, never a 500; messages never
 * echo request data. Transient database failures (the database restarting or unreachable)
 * answer 503 with Retry-After, on every route, so devices keep their data and retry later.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../shared/api/auth';
import { ApiError } from './services/errors';
import { isTransientDatabaseError } from './storage/transient-errors';

export interface ErrorReply {
  readonly status: number;
  readonly body: ErrorBody;
  /** Sent as `Retry-After` (seconds): when trying again is worth it. */
  readonly retryAfterSeconds?: number;
}

/** A database restart is usually over within seconds; devices add backoff and jitter. */
export const RETRY_AFTER_SECONDS = 5;

function validationMessage(error: { validation: readonly { instancePath: string; message?: string }[]; validationContext?: string }): string {
  const context = error.validationContext ?? 'request';
  return error.validation
    .slice(0, 3)
    .map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `${path === '' ? context : path}: ${v.message ?? 'invalid'}`;
    })
    .join('; ');
}

function clientErrorReply(status: number, code: string | undefined): ErrorReply {
  if (status === 413) return { status, body: { error: 'payload_too_large', message: 'The request is too large.' } };
  if (status === 429) return { status, body: { error: 'rate_limited', message: 'Too many requests. Wait a minute and try again.' } };
  if (status === 415) return { status, body: { error: 'bad_request', message: 'Send the request body as JSON.' } };
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { status, body: { error: 'bad_request', message: 'The request body is empty.' } };
  if (status === 404) return { status, body: { error: 'not_found', message: 'Not found.' } };
  return { status, body: { error: 'bad_request', message: 'The request body is not valid JSON or is malformed.' } };
}

/** Pure mapping from an error to its HTTP answer. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof ApiError) {
    const body: ErrorBody = { error: error.code, message: error.message };
    return { status: error.statusCode, body: error.wipe === true ? { ...body, wipe: true } : body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, body: { error: 'bad_request', message: validationMessage(error) } };
  }
  if (isTransientDatabaseError(error)) {
    return {
      status: 503,
      body: { error: 'unavailable', message: 'The server is busy. Your changes are kept; it will try again.' },
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return clientErrorReply(status, fastifyError.code);
  if (error instanceof SyntaxError) return clientErrorReply(400, undefined);
  return { status: 500, body: { error: 'internal', message: 'Something went wrong on the server.' } };
}

/**
 * Only the error's kind and code are logged. Not its message: a database message can quote
 * the offending value ('invalid input syntax … "<value>"'), and pg's `detail` holds rows.
 */
export function safeErrorSummary(error: unknown): { type: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' ? { code: code.slice(0, 40) } : {}) };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, retryAfterSeconds } = toErrorReply(error);
  if (status >= 500) request.log.error({ err: safeErrorSummary(error) }, 'request failed');
  if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(retryAfterSeconds));
  return reply.code(status).send(body);
}
