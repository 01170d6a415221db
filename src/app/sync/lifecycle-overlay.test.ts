import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from '../../shared/domain/appointment';
import type { FollowUpRecord } from '../../shared/domain/follow-up';
import { followUpForMissedAppointment } from '../../shared/domain/missed-appointment';
import type { ReferralRecord } from '../../shared/domain/referral';
import { encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import type { Command } from '../../shared/sync/commands';
import { applyCommand, applyToViews, commandTargets, targetKey, type AnyRecord, type CommandEffect, type RecordViews } from './pending-overlay';

const session = { userId: uuidv7(), teamId: uuidv7() };
const at = '2025-01-02T00:00:00.000Z';
const hlc = encodeHlc({ wallMs: Date.parse(at), counter: 0, deviceId: 'dev-1' });
const earlier = '2025-01-01T00:00:00.000Z';
const clientId = uuidv7();
const ownership = { teamId: session.teamId, createdBy: session.userId, createdAt: at };
const referralArgs = {
  id: uuidv7(), clientId, agencyId: uuidv7(), need: 'housing' as const, urgency: 'urgent' as const,
  consentId: uuidv7(), consentedSummary: 'Needs a bed tonight', sharedFields: ['housing'],
};
const sentReferral: ReferralRecord = {
  ...referralArgs, status: 'sent', teamId: session.teamId, createdBy: session.userId, createdAt: earlier, updatedAt: earlier,
  history: [{ status: 'sent', at: earlier, by: session.userId }],
};
const bookArgs = { id: uuidv7(), clientId, agencyId: referralArgs.agencyId, at: '2025-01-05T10:00:00.000Z', place: 'Clinic' };
const booked: AppointmentRecord = {
  ...bookArgs, status: 'booked', teamId: session.teamId, createdBy: session.userId, createdAt: earlier, updatedAt: earlier,
  history: [{ status: 'booked', at: earlier, by: session.userId }],
};
const followUpId = uuidv7();
const newId = uuidv7();
const followUpArgs = { id: uuidv7(), clientId, reason: 'check_in' as const, dueAt: '2025-01-04T00:00:00.000Z', assigneeId: session.userId };
const openFollowUp: FollowUpRecord = { ...followUpArgs, status: 'open', ...ownership, createdAt: earlier, updatedAt: earlier };
const missed = {
  ...booked, status: 'missed' as const, updatedAt: at, history: [...booked.history, { status: 'missed', at, by: session.userId }],
};

const cases: { name: string; record: AnyRecord | undefined; command: Command; expected: CommandEffect }[] = [
  {
    name: 'referral.create makes the referral with its first status in the history',
    record: undefined,
    command: { name: 'referral.create', args: { ...referralArgs, status: 'sent' } },
    expected: { record: { ...referralArgs, status: 'sent', ...ownership, updatedAt: at, history: [{ status: 'sent', at, by: session.userId }] }, derived: [] },
  },
  {
    name: 'referral.transition moves an allowed step and appends to the history',
    record: sentReferral,
    command: { name: 'referral.transition', args: { id: referralArgs.id, to: 'acknowledged', at } },
    expected: { record: { ...sentReferral, status: 'acknowledged', updatedAt: at, history: [...sentReferral.history, { status: 'acknowledged', at, by: session.userId }] }, derived: [] },
  },
  {
    name: 'referral.transition leaves the record unchanged when the state machine refuses',
    record: sentReferral,
    command: { name: 'referral.transition', args: { id: referralArgs.id, to: 'attended', at } },
    expected: { record: sentReferral, derived: [] },
  },
  {
    name: 'referral.transition of a referral the device does not hold gives nothing',
    record: undefined,
    command: { name: 'referral.transition', args: { id: referralArgs.id, to: 'closed', at } },
    expected: { record: undefined, derived: [] },
  },
  {
    name: 'appointment.book makes a booked appointment',
    record: undefined,
    command: { name: 'appointment.book', args: bookArgs },
    expected: { record: { ...bookArgs, status: 'booked', ...ownership, updatedAt: at, history: [{ status: 'booked', at, by: session.userId }] }, derived: [] },
  },
  {
    name: 'appointment.transition to missed opens the same follow-up the server will',
    record: booked,
    command: { name: 'appointment.transition', args: { id: booked.id, to: 'missed', at, followUpId } },
    expected: { record: missed, derived: [{ collection: 'followUps', record: followUpForMissedAppointment(missed, { followUpId, at, actorId: session.userId }) }] },
  },
  {
    name: "appointment.transition to missed gives the follow-up to the key worker the device named",
    record: booked,
    command: { name: 'appointment.transition', args: { id: booked.id, to: 'missed', at, followUpId, followUpAssigneeId: newId } },
    expected: { record: missed, derived: [{ collection: 'followUps', record: { ...followUpForMissedAppointment(missed, { followUpId, at, actorId: session.userId }), assigneeId: newId } }] },
  },
  {
    name: 'appointment.transition to rescheduled names the new appointment',
    record: booked,
    command: { name: 'appointment.transition', args: { id: booked.id, to: 'rescheduled', at, rescheduledTo: newId } },
    expected: {
      record: { ...booked, status: 'rescheduled', rescheduledTo: newId, updatedAt: at, history: [...booked.history, { status: 'rescheduled', at, by: session.userId }] },
      derived: [],
    },
  },
  {
    name: 'appointment.transition of an appointment no longer booked changes nothing and opens nothing',
    record: missed,
    command: { name: 'appointment.transition', args: { id: booked.id, to: 'missed', at, followUpId } },
    expected: { record: missed, derived: [] },
  },
  {
    name: 'followUp.create opens a follow-up',
    record: undefined,
    command: { name: 'followUp.create', args: followUpArgs },
    expected: { record: { ...followUpArgs, status: 'open', ...ownership, updatedAt: at }, derived: [] },
  },
  {
    name: 'followUp.complete marks it done, by whom and when',
    record: openFollowUp,
    command: { name: 'followUp.complete', args: { id: openFollowUp.id, at } },
    expected: { record: { ...openFollowUp, status: 'done', completedBy: session.userId, completedAt: at, updatedAt: at }, derived: [] },
  },
];

describe('applyCommand: lifecycle commands', () => {
  it.each(cases)('$name', ({ record, command, expected }) => {
    expect(applyCommand(record, command, hlc, session)).toEqual(expected);
  });

  it.each(cases)('is idempotent on its target: $name', ({ record, command }) => {
    const once = applyCommand(record, command, hlc, session).record;
    expect(applyCommand(once, command, hlc, session).record).toEqual(once);
  });
});

describe('applyToViews: derived records', () => {
  const transition: Command = { name: 'appointment.transition', args: { id: booked.id, to: 'missed', at, followUpId } };
  const appointmentKey = targetKey({ collection: 'appointments', id: booked.id });
  const followUpKey = targetKey({ collection: 'followUps', id: followUpId });

  it('names the follow-up as a second target of a missed transition', () => {
    expect(commandTargets(transition)).toEqual([{ collection: 'appointments', id: booked.id }, { collection: 'followUps', id: followUpId }]);
  });

  it('creates the follow-up, then folds later commands on it', () => {
    const views: RecordViews = new Map([[appointmentKey, booked]]);
    const later = encodeHlc({ wallMs: Date.parse('2025-01-03T00:00:00.000Z'), counter: 0, deviceId: 'dev-1' });
    const failed = applyToViews(views, [{ command: transition, hlc }, { command: { name: 'followUp.complete', args: { id: followUpId, at } }, hlc: later }], session);
    expect(failed).toEqual([]);
    expect(views.get(appointmentKey)).toMatchObject({ status: 'missed' });
    expect(views.get(followUpKey)).toMatchObject({ id: followUpId, appointmentId: booked.id, status: 'done', updatedAt: '2025-01-03T00:00:00.000Z' });
  });

  it('keeps a follow-up already there (the server copy wins)', () => {
    const server = { ...followUpForMissedAppointment(missed, { followUpId, at, actorId: session.userId }), notes: 'server' };
    const views: RecordViews = new Map<string, AnyRecord | undefined>([[appointmentKey, booked], [followUpKey, server]]);
    applyToViews(views, [{ command: transition, hlc }], session);
    expect(views.get(followUpKey)).toEqual(server);
  });

  it('never writes frozen keys and reports commands that cannot apply', () => {
    const views: RecordViews = new Map([[appointmentKey, booked]]);
    const failed = applyToViews(views, [{ command: { name: 'followUp.complete', args: { id: uuidv7(), at } }, hlc }, { command: transition, hlc }], session, new Set([followUpKey]));
    expect(failed).toEqual([0]);
    expect(views.get(appointmentKey)).toMatchObject({ status: 'missed' });
    expect(views.has(followUpKey)).toBe(false);
  });
});
