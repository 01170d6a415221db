/**
 * Sync wire messages (DESIGN.md, "Sync protocol"). Both the server routes and the
 * device's API client parse with these, so the two sides cannot drift.
 */
import { z } from 'zod';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';
import { collectionNameSchema } from './collections';

/** Bumped when a change would make older devices write wrong data; they then get 426. */
export const SCHEMA_VERSION = 1;
export const MAX_MUTATIONS_PER_PUSH = 100;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 1000;

/**
 * Mutation ids count a device's writes from 1. The bound leaves a wide margin below 2^53
 * (where JSON numbers stop being exact): a device whose watermark reached the last exact
 * integer could never push again, since every next id would be refused.
 */
export const MAX_MUTATION_ID = 2 ** 48;

export const mutationSchema = z.strictObject({
  /** Per-device increasing integer; the server applies each id at most once. */
  id: z.number().int().positive().max(MAX_MUTATION_ID, `mutation ids must be at most ${MAX_MUTATION_ID}`),
  name: z.string().min(1).max(64),
  /** Parsed by the command's own schema on the server; a bad one is a rejection, not a 400. */
  args: z.unknown(),
  hlc: hlcStringSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  deviceId: idSchema,
  /** Older than SCHEMA_VERSION (0 included) gets 426, not 400. */
  schemaVersion: z.number().int().min(0),
  mutations: z
    .array(mutationSchema)
    .max(MAX_MUTATIONS_PER_PUSH, `at most ${MAX_MUTATIONS_PER_PUSH} mutations per push`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionCodeSchema = z.enum([
  'unknown_command',
  'invalid_args',
  'forbidden',
  'not_found',
  'invalid_transition',
  'already_exists',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

export const rejectionSchema = z.strictObject({
  id: z.number().int().positive(),
  code: rejectionCodeSchema,
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.strictObject({
  lastMutationId: z.number().int().min(0),
  rejections: z.array(rejectionSchema),
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  schemaVersion: z.coerce.number().int().min(0),
  /** What the device still holds at this pull, for its team lead: changes waiting, and refused ones needing attention. */
  waiting: z.coerce.number().int().min(0).max(1_000_000).optional(),
  attention: z.coerce.number().int().min(0).max(1_000_000).optional(),
  /** `1`: also say how many changes remain after this page, so a first sync can show progress. */
  count: z.literal('1').optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const changeSchema = z.strictObject({
  collection: collectionNameSchema,
  id: idSchema,
  seq: z.number().int().positive(),
  deleted: z.boolean(),
  /** The record as this caller may see it (redacted by role); null for a tombstone. */
  record: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(changeSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  lastMutationId: z.number().int().min(0),
  serverTime: z.number().int(),
  /** Changes after this page (only when asked with `count=1`). */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export { hlcStringSchema };
