import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { Command } from '../../shared/sync/commands';
import type { PullResponse } from '../../shared/sync/wire';
import { applyPullPage, resetForResync } from '../sync/apply-pull';
import { acknowledge } from '../sync/outbox';
import { createPassthroughCipher } from './cipher';
import { getMeta } from './meta';
import { recordLocalChanges } from './local-write';
import { createRecordReader } from './repositories/record-reader';
import { createTestDb, testSession } from './test-support';

const cipher = createPassthroughCipher();
const at = '2025-01-02T00:00:00.000Z';

function encounter(clientId: string) {
  const appointmentId = uuidv7();
  const commands: Command[] = [
    { name: 'client.create', args: { id: clientId, profile: { alias: 'Robin' } } },
    { name: 'consent.record', args: { id: uuidv7(), clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: at } },
    {
      name: 'contact.record',
      args: { id: uuidv7(), clientId, at, area: 'Docks', kind: 'street', supplies: { condoms: 1, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'referral_made' },
    },
    { name: 'assessment.record', args: { id: uuidv7(), clientId, assessedAt: at, domains: { housing: { need: 'urgent' } } } },
    {
      name: 'referral.create',
      args: { id: uuidv7(), clientId, agencyId: uuidv7(), need: 'housing', urgency: 'urgent', consentId: uuidv7(), consentedSummary: '', sharedFields: [], status: 'sent' },
    },
    { name: 'appointment.book', args: { id: appointmentId, clientId, agencyId: null, at, place: 'Clinic' } },
    { name: 'client.update', args: { id: clientId, set: { usualAreas: ['Docks'] }, seen: { usualAreas: null } } },
  ];
  return { commands, appointmentId };
}

const changes = (commands: Command[]) => commands.map((command) => ({ command, session: testSession }));

describe('recordLocalChanges', () => {
  it('applies a whole encounter in order: every record and outbox entry, increasing clocks', async () => {
    const db = createTestDb();
    const clientId = uuidv7();
    const { commands } = encounter(clientId);
    const results = await recordLocalChanges(db, cipher, changes(commands), { now: () => Date.parse(at) });
    expect(results.map((r) => r.record.id)).toEqual(commands.map((c) => c.args.id));
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(commands.map((c) => c.name));
    expect(new Set(results.map((r) => r.hlc)).size).toBe(commands.length);
    expect(await getMeta(db, 'hlc')).toBe(results.at(-1)?.hlc);
    expect(await createRecordReader(db, cipher, 'clients').get(clientId)).toMatchObject({ alias: 'Robin', usualAreas: ['Docks'] });
    expect(await db.records('referrals').where('status').equals('sent').count()).toBe(1);
  });

  it.each([
    ['the outbox write fails', (db: ReturnType<typeof createTestDb>) => vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(() => { throw new Error('disk full'); })],
    ['a record write fails', (db: ReturnType<typeof createTestDb>) => vi.spyOn(db.records('appointments'), 'put').mockImplementation(() => { throw new Error('disk full'); })],
  ])('writes nothing at all when %s', async (_name, breakIt) => {
    const db = createTestDb();
    await getMeta(db, 'hlc');
    breakIt(db);
    await expect(recordLocalChanges(db, cipher, changes(encounter(uuidv7()).commands))).rejects.toThrow('disk full');
    for (const table of [...db.allRecordTables(), db.outbox]) expect(await table.count()).toBe(0);
    expect(await getMeta(db, 'hlc')).toBeUndefined();
  });

  it('writes nothing when a later command cannot apply', async () => {
    const db = createTestDb();
    const { commands } = encounter(uuidv7());
    const bad: Command = { name: 'followUp.complete', args: { id: uuidv7(), at } };
    await expect(recordLocalChanges(db, cipher, changes([...commands, bad]))).rejects.toThrow(/no followUps record/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records('clients').count()).toBe(0);
  });

  it('writes the follow-up of a missed appointment with it, and keeps both over pulls and resync', async () => {
    const db = createTestDb();
    const clientId = uuidv7();
    const { commands, appointmentId } = encounter(clientId);
    await recordLocalChanges(db, cipher, changes(commands), { now: () => Date.parse(at) });
    const followUpId = uuidv7();
    const missed: Command = { name: 'appointment.transition', args: { id: appointmentId, to: 'missed', at, followUpId } };
    await recordLocalChanges(db, cipher, changes([missed]), { now: () => Date.parse(at) + 1 });
    const followUps = createRecordReader(db, cipher, 'followUps');
    expect(await followUps.get(followUpId)).toMatchObject({ status: 'open', appointmentId, clientId, assigneeId: testSession.userId });

    // The server has everything but the transition: the pulled (booked) appointment gets it back.
    const lastMutationId = (await db.outbox.count()) - 1;
    const server = await createRecordReader(db, cipher, 'appointments').get(appointmentId);
    const booked = { ...server!, status: 'booked' as const, history: server!.history.slice(0, 1) };
    await acknowledge(db, lastMutationId, []); // the server has the encounter, not the transition
    await resetForResync(db, cipher, testSession);
    expect(await followUps.get(followUpId)).toBeUndefined();
    const page: PullResponse = {
      changes: [{ collection: 'appointments', id: appointmentId, seq: 1, deleted: false, record: booked }],
      cursor: 1, hasMore: false, lastMutationId, serverTime: Date.parse(at),
    };
    await applyPullPage(db, cipher, page, { session: testSession });
    expect(await createRecordReader(db, cipher, 'appointments').get(appointmentId)).toMatchObject({ status: 'missed' });
    expect(await followUps.get(followUpId)).toMatchObject({ status: 'open', appointmentId });
  });
});
