/**
 * Named commands: the only way a device changes server state. Each has an args schema;
 * the server validates args, role and state machine, and records a permanent rejection
 * for anything it will never accept. Append-only records are created whole; mutable
 * entities are patched field by field (see merge.ts).
 */
import { z } from 'zod';
import { assessmentArgsSchema } from '../domain/assessment';
import { clientProfileSchema } from '../domain/client';
import { consentArgsSchema } from '../domain/consent';
import { contactArgsSchema } from '../domain/contact';
import { noteArgsSchema } from '../domain/note';
import { safetyAlertArgsSchema } from '../domain/safety-alert';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';

export const clientCreateArgsSchema = z.strictObject({ id: idSchema, profile: clientProfileSchema });

export const clientUpdateArgsSchema = z.strictObject({
  id: idSchema,
  set: clientProfileSchema.partial().refine((s) => Object.keys(s).length > 0, 'nothing to change'),
  /** Per changed field, the clock of the value the author saw (null: unset). */
  seen: z.record(z.string(), hlcStringSchema.nullable()),
});

export const commandArgsSchemas = {
  'client.create': clientCreateArgsSchema,
  'client.update': clientUpdateArgsSchema,
  'contact.record': contactArgsSchema,
  'assessment.record': assessmentArgsSchema,
  'consent.record': consentArgsSchema,
  'note.add': noteArgsSchema,
  'safetyAlert.raise': safetyAlertArgsSchema,
} as const;

export type CommandName = keyof typeof commandArgsSchemas;
export const commandNames = Object.keys(commandArgsSchemas) as CommandName[];
export type CommandArgs<N extends CommandName> = z.infer<(typeof commandArgsSchemas)[N]>;

/** A command as the device builds it, before it gets an outbox id and clock. */
export type Command = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandArgsSchemas, name);
}
