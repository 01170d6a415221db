/** Every command in shared/sync/commands.ts mapped to its handler; the compiler checks none is missing. */
import type { CommandName } from '../../../shared/sync/commands';
import { assessmentRecord, consentRecord, contactRecord, noteAdd, safetyAlertRaise } from './append-commands';
import { clientCreate, clientUpdate } from './client-commands';
import type { CommandHandler } from './command';

export const commandHandlers: Readonly<Record<CommandName, CommandHandler>> = {
  'client.create': clientCreate,
  'client.update': clientUpdate,
  'contact.record': contactRecord,
  'assessment.record': assessmentRecord,
  'consent.record': consentRecord,
  'note.add': noteAdd,
  'safetyAlert.raise': safetyAlertRaise,
};
