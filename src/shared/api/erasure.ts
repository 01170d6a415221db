/**
 * Erasing a person (the right to erasure): a team lead asks, a second team lead confirms
 * (an admin's request is carried out at once), and the server turns every record about the
 * person into a tombstone in one transaction. An erasure names the person by id only: the
 * lead's device shows the alias it holds, and nothing of the person is kept once erased.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common';
import { idSchema } from '../ids';

export const erasureStatusSchema = z.enum(['pending', 'erased', 'cancelled']);
export type ErasureStatus = z.infer<typeof erasureStatusSchema>;

export const requestErasureSchema = z.strictObject({ clientId: idSchema });
export type RequestErasure = z.infer<typeof requestErasureSchema>;

/** What an erasure removed, by count only. */
export const erasureCountsSchema = z.strictObject({
  /** Records that became tombstones (the person, and every record about them). */
  tombstoned: z.number().int().min(0),
  /** Contacts kept as anonymous contacts, so a report's counts survive without the link. */
  anonymised: z.number().int().min(0),
});
export type ErasureCounts = z.infer<typeof erasureCountsSchema>;

export const erasureSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  status: erasureStatusSchema,
  requestedBy: idSchema,
  requestedAt: isoDateTimeSchema,
  decidedBy: idSchema.nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
  counts: erasureCountsSchema.nullable(),
});
export type Erasure = z.infer<typeof erasureSchema>;

export const listErasuresResponseSchema = z.strictObject({ erasures: z.array(erasureSchema) });
export type ListErasuresResponse = z.infer<typeof listErasuresResponseSchema>;
