/**
 * Append-only commands: contacts, assessments, consents, notes and safety alerts are created
 * whole and never edited (a correction is a new record), so they cannot conflict. The
 * server stamps ownership from the token and checks the client belongs to the caller's team.
 */
import type { z } from 'zod';
import { assessmentArgsSchema } from '../../../shared/domain/assessment';
import { ownershipSchema } from '../../../shared/domain/common';
import { consentArgsSchema } from '../../../shared/domain/consent';
import { contactArgsSchema } from '../../../shared/domain/contact';
import { noteArgsSchema } from '../../../shared/domain/note';
import { safetyAlertArgsSchema, safetyAlertRecordSchema, safetyAlertWithdrawArgsSchema } from '../../../shared/domain/safety-alert';
import type { CollectionName } from '../../../shared/sync/collections';
import { collectionSchemas } from '../../../shared/sync/collections';
import { putRecord } from '../../storage/records-store';
import type { CommandHandler } from './command';
import { defineCommand, rejected } from './command';
import { eventTime } from './lifecycle';
import { findTeamRecord, loadTeamRecord, ownership, writeNewRecord } from './ownership';
import { assertStoredAsParsed } from './stored-as-parsed';

interface AppendArgs {
  readonly id: string;
  readonly clientId?: string | null;
}

/**
 * A command that creates an append-only record whole, after checking its client is the
 * team's: its parsed args and their ownership, stored without a second parse.
 */
export function appendCommand<S extends z.ZodObject & z.ZodType<AppendArgs>>(schema: S, collection: CollectionName): CommandHandler {
  assertStoredAsParsed(schema, collectionSchemas[collection], Object.keys(ownershipSchema.shape));
  return defineCommand({
    schema,
    collection,
    writtenFields: (args) => Object.keys(args),
    async apply(ctx, args) {
      if (typeof args.clientId === 'string' && (await findTeamRecord(ctx, 'clients', args.clientId)) === undefined) {
        return rejected('not_found', 'the client was not found');
      }
      return writeNewRecord(ctx, collection, args.id, { ...args, ...ownership(ctx) });
    },
  });
}

export const contactRecord = appendCommand(contactArgsSchema, 'contacts');
export const assessmentRecord = appendCommand(assessmentArgsSchema, 'assessments');
export const consentRecord = appendCommand(consentArgsSchema, 'consents');
export const noteAdd = appendCommand(noteArgsSchema, 'notes');
export const safetyAlertRaise = appendCommand(safetyAlertArgsSchema, 'safetyAlerts');

/** `safetyAlert.withdraw`: a team lead ends an alert early. Once; an expired one stays as it was. */
export const safetyAlertWithdraw = defineCommand({
  schema: safetyAlertWithdrawArgsSchema,
  collection: 'safetyAlerts',
  writtenFields: () => ['id', 'withdrawnAt', 'withdrawnBy'],
  async apply(ctx, args) {
    const alert = await loadTeamRecord(ctx, 'safetyAlerts', args.id, safetyAlertRecordSchema);
    if (alert === undefined) return rejected('not_found', 'this safety alert was not found');
    if (alert.withdrawnAt !== undefined) return rejected('invalid_transition', 'this safety alert was already withdrawn');
    const withdrawn = { ...alert, withdrawnAt: eventTime(ctx, args.at), withdrawnBy: ctx.user.id };
    await putRecord(ctx.trx, { collection: 'safetyAlerts', id: alert.id, teamId: ctx.user.teamId, data: withdrawn });
    return { ok: true, writes: [{ collection: 'safetyAlerts', id: alert.id }] };
  },
});
