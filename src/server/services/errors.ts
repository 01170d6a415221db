/**
 * The one error type services throw for an expected refusal. The app's error handler turns
 * it into `errorBodySchema` JSON with its status; anything else thrown is a bug (500).
 */
import type { ErrorCode } from '../../shared/api/auth';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly wipe?: boolean,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = (message = 'Please sign in again.'): ApiError => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do that.'): ApiError => new ApiError(403, 'forbidden', message);
