/** Every command in shared/sync/commands.ts mapped to its handler; the compiler checks none is missing. */
import type { CommandName } from '../../../shared/sync/commands';
import { agencyArchive, agencyCreate, agencyUpdate } from './agency-commands';
import { assessmentRecord, consentRecord, contactRecord, noteAdd, safetyAlertRaise, safetyAlertWithdraw } from './append-commands';
import { appointmentBook, appointmentTransition, appointmentUndoMissed } from './appointment-commands';
import { clientCreate, clientUpdate, reviewItemResolve } from './client-commands';
import type { CommandHandler } from './command';
import { followUpComplete, followUpCreate, followUpReassign } from './follow-up-commands';
import { dutyToNotifyRecord, nrmRecord, nrmRefer, observationRecord } from './nrm-commands';
import { referralCreate, referralTransition } from './referral-commands';

export const commandHandlers: Readonly<Record<CommandName, CommandHandler>> = {
  'client.create': clientCreate,
  'client.update': clientUpdate,
  'contact.record': contactRecord,
  'assessment.record': assessmentRecord,
  'consent.record': consentRecord,
  'note.add': noteAdd,
  'safetyAlert.raise': safetyAlertRaise,
  'referral.create': referralCreate,
  'referral.transition': referralTransition,
  'appointment.book': appointmentBook,
  'appointment.transition': appointmentTransition,
  'appointment.undoMissed': appointmentUndoMissed,
  'followUp.create': followUpCreate,
  'followUp.complete': followUpComplete,
  'followUp.reassign': followUpReassign,
  'reviewItem.resolve': reviewItemResolve,
  'safetyAlert.withdraw': safetyAlertWithdraw,
  'agency.create': agencyCreate,
  'agency.update': agencyUpdate,
  'agency.archive': agencyArchive,
  'observation.record': observationRecord,
  'nrm.refer': nrmRefer,
  'nrm.record': nrmRecord,
  'dutyToNotify.record': dutyToNotifyRecord,
};
