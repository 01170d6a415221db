/**
 * Checks on every parsed JSON body before its schema sees it. PostgreSQL text cannot hold a
 * NUL character, so a NUL that slipped through a schema would surface as a 500 (a bad input
 * must be a 400); and a body nested hundreds of levels deep is never a real request but
 * costs every recursive walker further in. Walked iteratively: no recursion on hostile input.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from './services/errors';

export const MAX_BODY_DEPTH = 32;

const hasNul = (text: string): boolean => text.includes('\u0000');

/** The first problem in `value` as a message a person can act on, or null. */
export function bodyProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (typeof item.value === 'string') {
      if (hasNul(item.value)) return 'text may not contain NUL characters';
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_BODY_DEPTH) return `the body is nested more than ${MAX_BODY_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(item.value)) {
      if (hasNul(key)) return 'field names may not contain NUL characters';
      stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return null;
}

/** A preValidation hook: refuses a body with a NUL anywhere or nested too deep (400). */
export async function guardBody(request: FastifyRequest): Promise<void> {
  const problem = bodyProblem(request.body);
  if (problem !== null) throw new ApiError(400, 'bad_request', problem);
}
