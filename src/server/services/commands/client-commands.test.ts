/**
 * The client, review-queue and append-only handlers, run straight against SQLite (the
 * storage suite runs them through push on both engines). Each run is checked by the
 * harness against what the command declared (lifecycle-test-kit.ts); these tests add what
 * each outcome must be: which records, which values, which refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { getRecord, putRecord } from '../../storage/records-store';
import type { Harness } from './lifecycle-test-kit';
import { createHarness } from './lifecycle-test-kit';

let h: Harness;
const [T1, T2, T3, T4] = ['2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z', '2030-01-01T12:00:00.000Z', '2030-01-01T13:00:00.000Z'];
const [phoneA, phoneB] = [uuidv7(), uuidv7()];

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.db.storage.close();
  await h.db.drop();
});

const stored = async (collection: string, id: string) => getRecord(h.db.storage.db, collection, id);
const clockOf = async (clientId: string, field: string) => ((await stored('clients', clientId))?.data?.clocks as Record<string, string>)[field] ?? null;

async function newClient(profile: Record<string, unknown> = { alias: 'Sky', pronouns: 'she/her' }, as = h.worker): Promise<string> {
  const id = uuidv7();
  expect(await h.run('client.create', { id, profile }, as, T1, phoneA)).toEqual({ ok: true, writes: [{ collection: 'clients', id }] });
  return id;
}

/** Two phones change the same field from the same starting point: the later one wins, the other is queued. */
async function conflict(clientId: string): Promise<{ itemId: string; seen: string | null }> {
  const seen = await clockOf(clientId, 'pronouns');
  expect(await h.run('client.update', { id: clientId, set: { pronouns: 'they/them' }, seen: { pronouns: seen } }, h.worker, T3, phoneA)).toMatchObject({ ok: true });
  const outcome = await h.run('client.update', { id: clientId, set: { pronouns: 'he/him' }, seen: { pronouns: seen } }, h.colleague, T2, phoneB);
  if (!outcome.ok) throw new Error(outcome.message);
  const item = outcome.writes.find((w) => w.collection === 'reviewItems');
  if (item === undefined) throw new Error('no review item');
  return { itemId: item.id, seen };
}

describe('client.create', () => {
  it('stores the profile with ownership and a clock per field, and refuses an id already used', async () => {
    const id = await newClient({ alias: 'Sky', languages: ['pl'] });
    const data = (await stored('clients', id))?.data;
    expect(data).toMatchObject({ id, alias: 'Sky', languages: ['pl'], teamId: h.teamId, createdBy: h.worker.id, createdAt: T1, updatedAt: T1 });
    expect(Object.keys(data?.clocks as object).sort()).toEqual(['alias', 'languages']);
    expect(await h.run('client.create', { id, profile: { alias: 'Someone else' } })).toEqual({ ok: false, code: 'invalid_args', message: 'id: this id cannot be used for a new record' });
    expect((await stored('clients', id))?.data).toMatchObject({ alias: 'Sky' });
  });
});

describe('client.update', () => {
  it('writes a newer value with its clock, and nothing else', async () => {
    const id = await newClient();
    const outcome = await h.run('client.update', { id, set: { pronouns: 'they/them' }, seen: { pronouns: await clockOf(id, 'pronouns') } }, h.worker, T2, phoneA);
    expect(outcome).toEqual({ ok: true, writes: [{ collection: 'clients', id }] });
    const data = (await stored('clients', id))?.data;
    expect(data).toMatchObject({ alias: 'Sky', pronouns: 'they/them', updatedAt: T2, createdAt: T1, createdBy: h.worker.id, teamId: h.teamId });
    expect(await clockOf(id, 'pronouns')).not.toBe(await clockOf(id, 'alias'));
  });

  it('writes nothing when the change is already there', async () => {
    const id = await newClient();
    const before = await stored('clients', id);
    const outcome = await h.run('client.update', { id, set: { pronouns: 'she/her' }, seen: { pronouns: null } }, h.colleague, '2029-12-31T00:00:00.000Z', phoneB);
    expect(outcome).toEqual({ ok: true, writes: [] });
    expect((await stored('clients', id))?.seq).toBe(before?.seq);
  });

  it('queues a concurrent overwrite for review with both values, and stores the record again for the losing phone', async () => {
    const id = await newClient();
    const before = await stored('clients', id);
    const { itemId, seen } = await conflict(id);
    const item = (await stored('reviewItems', itemId))?.data;
    expect(item).toMatchObject({ teamId: h.teamId, collection: 'clients', recordId: id, field: 'pronouns', winningValue: 'they/them', losingValue: 'he/him', status: 'open' });
    expect(item?.losingHlc).not.toBe(item?.winningHlc);
    const after = await stored('clients', id);
    expect(after?.data).toMatchObject({ pronouns: 'they/them' });
    expect(after?.seq).toBeGreaterThan(before?.seq ?? Infinity);
    expect(await clockOf(id, 'pronouns')).not.toBe(seen);
  });

  it('refuses an unknown client, an erased one and another team’s client', async () => {
    const theirs = await newClient({ alias: 'Theirs' }, h.outsider);
    const erased = await newClient({ alias: 'Erased' });
    await h.db.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'clients', id: erased, teamId: h.teamId, data: null, deleted: true }));
    for (const id of [uuidv7(), theirs, erased]) {
      expect(await h.run('client.update', { id, set: { alias: 'Mine now' }, seen: { alias: null } })).toEqual({ ok: false, code: 'not_found', message: 'this client was not found' });
    }
    expect((await stored('clients', theirs))?.data).toMatchObject({ alias: 'Theirs' });
  });
});

describe('reviewItem.resolve', () => {
  it('keeps the other value: the client takes it at a newer clock, and the item is resolved once', async () => {
    const id = await newClient();
    const { itemId } = await conflict(id);
    const winnerClock = await clockOf(id, 'pronouns');
    expect(await h.run('reviewItem.resolve', { id: itemId, keep: 'other', at: T4 }, h.worker, T4)).toEqual({
      ok: true,
      writes: [
        { collection: 'clients', id },
        { collection: 'reviewItems', id: itemId },
      ],
    });
    expect((await stored('clients', id))?.data).toMatchObject({ pronouns: 'he/him', updatedAt: T4 });
    expect(await clockOf(id, 'pronouns')).not.toBe(winnerClock);
    expect((await stored('reviewItems', itemId))?.data).toMatchObject({ status: 'resolved', kept: 'other', resolvedBy: h.worker.id, resolvedAt: T4 });
    expect(await h.run('reviewItem.resolve', { id: itemId, keep: 'current', at: T4 })).toEqual({ ok: false, code: 'invalid_transition', message: 'this review item was already resolved' });
  });

  it('keeps the current value without touching the client, or writes a merged one', async () => {
    const [kept, merged] = [await newClient(), await newClient()];
    const keptItem = await conflict(kept);
    const client = await stored('clients', kept);
    expect(await h.run('reviewItem.resolve', { id: keptItem.itemId, keep: 'current', at: T4 }, h.worker, T4)).toEqual({ ok: true, writes: [{ collection: 'reviewItems', id: keptItem.itemId }] });
    expect((await stored('clients', kept))?.seq).toBe(client?.seq);

    const mergedItem = await conflict(merged);
    const outcome = await h.run('reviewItem.resolve', { id: mergedItem.itemId, keep: 'merged', value: 'they/he', at: T4 }, h.worker, T4);
    expect(outcome).toMatchObject({ ok: true });
    expect((await stored('clients', merged))?.data).toMatchObject({ pronouns: 'they/he' });
  });

  it('refuses an unknown item, another team’s item, and an item whose client is gone, writing nothing', async () => {
    expect(await h.run('reviewItem.resolve', { id: uuidv7(), keep: 'current', at: T4 })).toEqual({ ok: false, code: 'not_found', message: 'this review item was not found' });
    const { itemId } = await conflict(await newClient());
    expect(await h.run('reviewItem.resolve', { id: itemId, keep: 'current', at: T4 }, h.outsider)).toMatchObject({ code: 'not_found' });

    const real = (await stored('reviewItems', itemId))?.data;
    const orphan = { ...real, id: uuidv7(), recordId: uuidv7() };
    await h.db.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'reviewItems', id: orphan.id, teamId: h.teamId, data: orphan }));
    for (const keep of ['other', 'merged'] as const) {
      const args = { id: orphan.id, keep, at: T4, ...(keep === 'merged' ? { value: 'c' } : {}) };
      expect(await h.run('reviewItem.resolve', args)).toEqual({ ok: false, code: 'not_found', message: 'the client of this review item was not found' });
    }
    expect((await stored('reviewItems', orphan.id))?.data).toMatchObject({ status: 'open' });
  });

  it('refuses a merged value the client schema refuses, leaving the item open', async () => {
    const id = await newClient();
    const { itemId } = await conflict(id);
    const outcome = await h.run('reviewItem.resolve', { id: itemId, keep: 'merged', value: 'x'.repeat(41), at: T4 }, h.worker, T4);
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_args', message: expect.stringContaining('pronouns') as unknown });
    expect((await stored('reviewItems', itemId))?.data).toMatchObject({ status: 'open' });
  });
});

describe('append-only commands', () => {
  const contact = (clientId: string | null) => ({
    id: uuidv7(),
    clientId,
    at: T2,
    area: 'North',
    kind: 'street',
    supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 },
    outcome: 'building_trust',
  });

  it('stores an anonymous contact and one with a client of the team, stamped with ownership', async () => {
    const clientId = await newClient();
    for (const args of [contact(null), contact(clientId)]) {
      expect(await h.run('contact.record', args, h.colleague, T3)).toEqual({ ok: true, writes: [{ collection: 'contacts', id: args.id }] });
      expect((await stored('contacts', args.id))?.data).toEqual({ ...args, teamId: h.teamId, createdBy: h.colleague.id, createdAt: T3 });
    }
  });

  it('keeps how the team met them, of the kinds a team records, and refuses any other', async () => {
    for (const kind of ['street', 'drop_in', 'phone', 'online', 'van_clinic', 'accompanied_visit', 'other']) {
      const args = { ...contact(null), kind };
      expect(await h.run('contact.record', args)).toMatchObject({ ok: true });
      expect((await stored('contacts', args.id))?.data).toMatchObject({ kind });
    }
    expect(await h.run('contact.record', { ...contact(null), kind: 'carrier_pigeon' })).toMatchObject({ ok: false, code: 'invalid_args' });
  });

  it('refuses a client that is not the team’s, and an id already used', async () => {
    const theirs = await newClient({ alias: 'Theirs' }, h.outsider);
    expect(await h.run('contact.record', contact(theirs))).toEqual({ ok: false, code: 'not_found', message: 'the client was not found' });
    expect(await h.run('contact.record', contact(uuidv7()))).toMatchObject({ code: 'not_found' });
    const args = contact(null);
    await h.run('contact.record', args);
    expect(await h.run('contact.record', { ...args, area: 'South' })).toMatchObject({ code: 'invalid_args' });
    expect((await stored('contacts', args.id))?.data).toMatchObject({ area: 'North' });
    // Held by another team, or by a tombstone: the same words, and nothing written.
    const othersContact = contact(null);
    await h.run('contact.record', othersContact, h.outsider);
    const erased = contact(null);
    await h.run('contact.record', erased);
    await h.db.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'contacts', id: erased.id, teamId: h.teamId, data: null, deleted: true }));
    for (const taken of [othersContact, erased]) {
      const before = await stored('contacts', taken.id);
      expect(await h.run('contact.record', { ...taken, area: 'South' })).toEqual({ ok: false, code: 'invalid_args', message: 'id: this id cannot be used for a new record' });
      expect(await stored('contacts', taken.id)).toEqual(before);
    }
  });

  it('withdraws a safety alert once, with who and when', async () => {
    const id = uuidv7();
    await h.run('safetyAlert.raise', { id, area: 'North', message: 'Car following workers', expiresAt: '2030-01-02T00:00:00.000Z' }, h.worker, T1);
    expect(await h.run('safetyAlert.withdraw', { id, at: T2 }, h.colleague, T2)).toEqual({ ok: true, writes: [{ collection: 'safetyAlerts', id }] });
    expect((await stored('safetyAlerts', id))?.data).toMatchObject({ message: 'Car following workers', createdBy: h.worker.id, withdrawnAt: T2, withdrawnBy: h.colleague.id });
    expect(await h.run('safetyAlert.withdraw', { id, at: T3 }, h.worker, T3)).toEqual({ ok: false, code: 'invalid_transition', message: 'this safety alert was already withdrawn' });
    expect(await h.run('safetyAlert.withdraw', { id: uuidv7(), at: T3 })).toEqual({ ok: false, code: 'not_found', message: 'this safety alert was not found' });
  });
});
