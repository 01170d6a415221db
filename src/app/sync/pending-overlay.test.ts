import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import { encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import type { Command } from '../../shared/sync/commands';
import { applyCommand, applyToViews, commandTarget, targetKey, type AnyRecord, type RecordViews } from './pending-overlay';

const session = { userId: uuidv7(), teamId: uuidv7() };
const device = 'dev-1';
const hlc = encodeHlc({ wallMs: Date.UTC(2025, 0, 2), counter: 0, deviceId: device });
const serverClock = encodeHlc({ wallMs: Date.UTC(2025, 0, 1), counter: 3, deviceId: 'other' });
const clientId = uuidv7();
const at = '2025-01-02T00:00:00.000Z';

const serverClient: ClientRecord = {
  id: clientId, alias: 'Robin', usualAreas: ['Docks'], teamId: session.teamId, createdBy: uuidv7(),
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: { alias: serverClock, usualAreas: serverClock },
};
const contact = {
  id: uuidv7(), clientId, at, area: 'Docks', kind: 'street' as const,
  supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, outcome: 'building_trust' as const,
};
const note = { id: uuidv7(), clientId, body: 'private words', level: 'team' as const };
const alert = { id: uuidv7(), area: 'Docks', message: 'Car circling', expiresAt: '2025-01-03T00:00:00.000Z' };
const ownership = { teamId: session.teamId, createdBy: session.userId, createdAt: at };

const cases: { name: string; record: AnyRecord | undefined; command: Command; expected: AnyRecord | undefined }[] = [
  {
    name: 'client.create makes a record with one clock per given field',
    record: undefined,
    command: { name: 'client.create', args: { id: clientId, profile: { alias: 'Sam', legalName: null } } },
    expected: { id: clientId, alias: 'Sam', legalName: null, ...ownership, updatedAt: at, clocks: { alias: hlc, legalName: hlc } },
  },
  {
    name: 'client.create keeps a record already there (the server copy wins)',
    record: serverClient,
    command: { name: 'client.create', args: { id: clientId, profile: { alias: 'Sam' } } },
    expected: serverClient,
  },
  {
    name: 'client.update sets fields and leaves the server clocks alone',
    record: serverClient,
    command: { name: 'client.update', args: { id: clientId, set: { alias: 'Robbie' }, seen: { alias: serverClock } } },
    expected: { ...serverClient, alias: 'Robbie', updatedAt: at },
  },
  {
    name: 'client.update of a record the device does not hold gives nothing',
    record: undefined,
    command: { name: 'client.update', args: { id: clientId, set: { alias: 'Robbie' }, seen: { alias: null } } },
    expected: undefined,
  },
  { name: 'contact.record creates the contact with ownership', record: undefined, command: { name: 'contact.record', args: contact }, expected: { ...contact, ...ownership } },
  { name: 'note.add creates the note with ownership', record: undefined, command: { name: 'note.add', args: note }, expected: { ...note, ...ownership } },
  { name: 'safetyAlert.raise creates the alert', record: undefined, command: { name: 'safetyAlert.raise', args: alert }, expected: { ...alert, ...ownership } },
  {
    name: 'an append-only record already pulled is kept as the server has it',
    record: { ...contact, teamId: session.teamId, createdBy: session.userId, createdAt: '2025-01-01T10:00:00.000Z' },
    command: { name: 'contact.record', args: contact },
    expected: { ...contact, teamId: session.teamId, createdBy: session.userId, createdAt: '2025-01-01T10:00:00.000Z' },
  },
];

describe('applyCommand', () => {
  it.each(cases)('$name', ({ record, command, expected }) => {
    expect(applyCommand(record, command, hlc, session)).toEqual({ record: expected, derived: [] });
  });

  it.each(cases)('is idempotent: $name', ({ record, command }) => {
    const once = applyCommand(record, command, hlc, session).record;
    expect(applyCommand(once, command, hlc, session).record).toEqual(once);
  });

  it('folds several pending commands in order', () => {
    const later = encodeHlc({ wallMs: Date.UTC(2025, 0, 3), counter: 0, deviceId: device });
    const views: RecordViews = new Map();
    const failed = applyToViews(
      views,
      [
        { command: { name: 'client.create', args: { id: clientId, profile: { alias: 'Sam' } } }, hlc },
        { command: { name: 'client.update', args: { id: clientId, set: { usualAreas: ['Park'] }, seen: { usualAreas: null } } }, hlc: later },
      ],
      session,
    );
    expect(failed).toEqual([]);
    expect(views.get(targetKey({ collection: 'clients', id: clientId }))).toMatchObject({ alias: 'Sam', usualAreas: ['Park'], clocks: { alias: hlc }, updatedAt: '2025-01-03T00:00:00.000Z' });
  });

  it('names the target of every command', () => {
    expect(commandTarget({ name: 'note.add', args: note })).toEqual({ collection: 'notes', id: note.id });
    expect(commandTarget({ name: 'safetyAlert.raise', args: alert })).toEqual({ collection: 'safetyAlerts', id: alert.id });
  });
});
