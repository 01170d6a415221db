/** Users, teams and devices: who may sign in, where, and from which device. */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, roleSchema, shortText } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'a username is 3 to 40 letters, digits, dots, dashes or underscores');
export const passwordSchema = z.string().min(10, 'a password has at least 10 characters').max(200);

/**
 * A team member as synced to devices. A peer volunteer receives only id, name and role (the
 * server's policy table), so the rest is optional here.
 */
export const userRecordSchema = z.strictObject({
  id: idSchema,
  teamId: idSchema.optional(),
  username: usernameSchema.optional(),
  name: shortText(80).min(1),
  role: roleSchema,
  admin: z.boolean().optional(),
  active: z.boolean().optional(),
  createdAt: isoDateTimeSchema.optional(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const teamRecordSchema = z.strictObject({
  id: idSchema,
  name: shortText(80).min(1),
  idleLockMinutes: z.number().int().min(1).max(60),
  createdAt: isoDateTimeSchema,
});
export type TeamRecord = z.infer<typeof teamRecordSchema>;

export const deviceRecordSchema = z.strictObject({
  id: idSchema,
  userId: idSchema,
  name: shortText(80),
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
});
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;
