import { describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../../../shared/hlc';
import type { ClientRecord } from '../../../shared/domain/client';
import { uuidv7 } from '../../../shared/ids';
import { createPassthroughCipher } from '../cipher';
import { toStoredRecord } from '../schema';
import { createTestDb, testSession } from '../test-support';
import { createClientsRepository } from './clients';
import { createRecordReader } from './record-reader';

const cipher = createPassthroughCipher();

function setup() {
  const db = createTestDb();
  const onLocalWrite = vi.fn();
  const repo = createClientsRepository({ db, cipher, getSession: () => testSession, onLocalWrite });
  return { db, repo, onLocalWrite };
}

describe('clients repository', () => {
  it('creates clients, lists them by alias and signals each write', async () => {
    const { db, repo, onLocalWrite } = setup();
    await repo.create({ alias: 'zed' });
    await repo.create({ alias: 'Amaya', usualAreas: ['Harbour'] });
    expect((await repo.list()).map((c) => c.alias)).toEqual(['Amaya', 'zed']);
    expect(onLocalWrite).toHaveBeenCalledTimes(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('searches alias, legal name and areas ignoring case and accents', async () => {
    const { repo } = setup();
    await repo.create({ alias: 'Zoë' });
    await repo.create({ alias: 'K', legalName: 'Chloé Martin' });
    await repo.create({ alias: 'M', usualAreas: ['Gare du Nord'] });
    expect((await repo.search('zoe')).map((c) => c.alias)).toEqual(['Zoë']);
    expect((await repo.search('CHLOE')).map((c) => c.alias)).toEqual(['K']);
    expect((await repo.search('nord')).map((c) => c.alias)).toEqual(['M']);
    expect(await repo.search('  ')).toHaveLength(3);
  });

  it('sends the server-confirmed clocks as seen and keeps them through local updates', async () => {
    const { db, repo } = setup();
    const serverClock = encodeHlc({ wallMs: 1_000, counter: 0, deviceId: 'server-side' });
    const record: ClientRecord = {
      id: uuidv7(), alias: 'Robin', teamId: testSession.teamId, createdBy: uuidv7(),
      createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: { alias: serverClock },
    };
    await db.records('clients').put(toStoredRecord('clients', record, await cipher.seal(record)));

    const first = await repo.update(record.id, { alias: 'Robbie', pronouns: 'they/them' });
    await repo.update(record.id, { alias: 'Rob' });
    expect(first.clocks).toEqual({ alias: serverClock });

    const entries = await db.outbox.toArray();
    const args = await Promise.all(entries.map(async (e) => ((await cipher.open(e.enc)) as { args: unknown }).args));
    expect(args).toEqual([
      { id: record.id, set: { alias: 'Robbie', pronouns: 'they/them' }, seen: { alias: serverClock, pronouns: null } },
      { id: record.id, set: { alias: 'Rob' }, seen: { alias: serverClock } },
    ]);
    expect(await repo.get(record.id)).toMatchObject({ alias: 'Rob', pronouns: 'they/them', clocks: { alias: serverClock } });
  });

  it('rejects an invalid profile before writing anything', async () => {
    const { db, repo } = setup();
    await expect(repo.create({ alias: '' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('reports a record that no longer parses instead of crashing, without its values', async () => {
    const { db, repo } = setup();
    await repo.create({ alias: 'Fine' });
    const broken = { id: uuidv7(), alias: 'Secret Name' };
    await db.records('clients').put({ id: broken.id, enc: await cipher.seal(broken) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await repo.list()).map((c) => c.alias)).toEqual(['Fine']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0])).toContain(broken.id);
    expect(String(warn.mock.calls[0])).not.toContain('Secret');
    warn.mockRestore();
  });

  it('reads other collections by index through the generic reader', async () => {
    const { db, repo } = setup();
    const client = await repo.create({ alias: 'A' });
    const contact = {
      id: uuidv7(), clientId: client.id, at: '2025-01-01T00:00:00.000Z', area: 'Docks', kind: 'street' as const,
      supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust' as const,
      teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-01T00:00:00.000Z',
    };
    await db.records('contacts').put(toStoredRecord('contacts', contact, await cipher.seal(contact)));
    const contacts = createRecordReader(db, cipher, 'contacts');
    expect(await contacts.listByIndex('clientId', client.id)).toEqual([contact]);
    expect(await contacts.get(contact.id)).toEqual(contact);
  });
});
