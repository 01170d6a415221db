/**
 * Team-management wire messages: a team lead lists and changes the team's users and
 * devices and sets the idle lock; any device reports local security events (export, lock,
 * wipe) for the audit log. Both the server routes and the PWA parse with these. Answers
 * hold ids and settings, never a token or a password hash.
 */
import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, shortText } from '../domain/common';
import { usernameSchema } from '../domain/people';
import { idSchema } from '../ids';

export const idParamsSchema = z.strictObject({ id: idSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

export const teamUserSchema = z.strictObject({
  id: idSchema,
  username: usernameSchema,
  name: z.string(),
  role: roleSchema,
  admin: z.boolean(),
  active: z.boolean(),
});
export type TeamUser = z.infer<typeof teamUserSchema>;

export const listUsersResponseSchema = z.strictObject({ users: z.array(teamUserSchema) });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    name: shortText(80).min(1, 'a name is required').optional(),
    role: roleSchema.optional(),
    /** false signs the person out everywhere: every device of theirs is revoked. */
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const teamDeviceSchema = z.strictObject({
  id: idSchema,
  userId: idSchema,
  name: z.string(),
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
  /** What the device said it still held at its last sync; null before it first said. */
  report: z.strictObject({ waiting: z.number().int().min(0), attention: z.number().int().min(0), at: isoDateTimeSchema }).nullable(),
});
export type TeamDevice = z.infer<typeof teamDeviceSchema>;

export const listDevicesResponseSchema = z.strictObject({ devices: z.array(teamDeviceSchema) });
export type ListDevicesResponse = z.infer<typeof listDevicesResponseSchema>;

export const updateTeamRequestSchema = z.strictObject({
  idleLockMinutes: z.number().int('whole minutes').min(1, 'at least 1 minute').max(60, 'at most 60 minutes'),
});
export type UpdateTeamRequest = z.infer<typeof updateTeamRequestSchema>;

export const teamSettingsSchema = z.strictObject({ id: idSchema, idleLockMinutes: z.number().int() });
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** Security events a device reports about itself; audited with ids only. */
export const auditEventActionSchema = z.enum(['export', 'lock', 'wipe']);
export type AuditEventAction = z.infer<typeof auditEventActionSchema>;

export const auditEventRequestSchema = z.strictObject({ action: auditEventActionSchema });
export type AuditEventRequest = z.infer<typeof auditEventRequestSchema>;

/** A team lead's question to the audit log: whose actions, about which record, when; newest first, paged by id. */
export const auditQuerySchema = z.strictObject({
  userId: idSchema.optional(),
  recordId: idSchema.optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  /** One kind of action, as the log names it (e.g. `clients.erase`). */
  action: z.string().regex(/^[a-zA-Z_.]{1,60}$/, 'an action name').optional(),
  /** Looking, or taking a copy away (a CSV): the log records which. */
  purpose: z.enum(['view', 'export']).default('view'),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** One audit row: ids, names of actions and outcomes, never a value. */
export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: isoDateTimeSchema,
  userId: idSchema.nullable(),
  deviceId: idSchema.nullable(),
  action: z.string(),
  collection: z.string().nullable(),
  recordId: z.string().nullable(),
  outcome: z.string(),
});
export type AuditRow = z.infer<typeof auditEntrySchema>;

export const listAuditResponseSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the oldest. */
  nextBefore: z.number().int().nullable(),
});
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;
