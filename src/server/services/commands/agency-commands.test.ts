/**
 * The agency directory's handlers on SQLite (the security matrix runs them through push on
 * both engines, for every role): a lead's new agency is never an example, edits merge field
 * by field with concurrent ones queued for review, and archiving settles the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { getRecord } from '../../storage/records-store';
import type { Harness } from './lifecycle-test-kit';
import { createHarness } from './lifecycle-test-kit';

let h: Harness;
const [T1, T2, T3, T4] = ['2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z', '2030-01-01T12:00:00.000Z', '2030-01-01T13:00:00.000Z'];
const [phoneA, phoneB] = [uuidv7(), uuidv7()];
const profile = {
  name: 'Night Clinic',
  services: ['sexual_health'],
  openingHours: [{ day: 5, opens: '22:00', closes: '02:00', dropIn: true }],
  outOfHours: true,
  fastTrack: false,
  womenOnly: false,
  transInclusive: true,
  howToRefer: 'Walk in, or call ahead',
  noIdNeeded: true,
};

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.db.storage.close();
  await h.db.drop();
});

const stored = async (collection: string, id: string) => (await getRecord(h.db.storage.db, collection, id))?.data;

async function newAgency(as = h.worker): Promise<string> {
  const id = uuidv7();
  expect(await h.run('agency.create', { id, profile }, as, T1, phoneA)).toEqual({ ok: true, writes: [{ collection: 'agencies', id }] });
  return id;
}

describe('agency commands', () => {
  it('adds an agency that is never an example, with a clock per field; an id is used once', async () => {
    const id = await newAgency();
    expect(await stored('agencies', id)).toMatchObject({ ...profile, id, isExample: false, teamId: h.teamId, createdBy: h.worker.id, createdAt: T1, updatedAt: T1 });
    expect(Object.keys((await stored('agencies', id))?.clocks as object).sort()).toEqual(Object.keys(profile).sort());
    expect(await h.run('agency.create', { id, profile: { ...profile, name: 'Other' } })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(await h.run('agency.create', { id: uuidv7(), profile: { ...profile, isExample: true } })).toMatchObject({ ok: false, code: 'invalid_args' });
  });

  it('merges edits field by field and queues a concurrent one for review, which a lead settles', async () => {
    const id = await newAgency();
    const seen = ((await stored('agencies', id))?.clocks as Record<string, string>).howToRefer ?? null;
    expect(await h.run('agency.update', { id, set: { howToRefer: 'Call first', phone: '01632 960111' }, seen: { howToRefer: seen, phone: null } }, h.worker, T3, phoneA)).toMatchObject({ ok: true });
    const lost = await h.run('agency.update', { id, set: { howToRefer: 'Walk in only' }, seen: { howToRefer: seen } }, h.colleague, T2, phoneB);
    if (!lost.ok) throw new Error(lost.message);
    const itemId = lost.writes.find((w) => w.collection === 'reviewItems')?.id ?? '';
    expect(await stored('reviewItems', itemId)).toMatchObject({ collection: 'agencies', recordId: id, field: 'howToRefer', winningValue: 'Call first', losingValue: 'Walk in only' });
    expect(await stored('agencies', id)).toMatchObject({ howToRefer: 'Call first', phone: '01632 960111', name: 'Night Clinic' });
    expect(await h.run('reviewItem.resolve', { id: itemId, keep: 'other', at: T4 }, h.worker, T4)).toEqual({
      ok: true,
      writes: [
        { collection: 'agencies', id },
        { collection: 'reviewItems', id: itemId },
      ],
    });
    expect(await stored('agencies', id)).toMatchObject({ howToRefer: 'Walk in only' });
  });

  it('archives and restores, whatever was seen, and refuses an unknown or another team’s agency', async () => {
    const id = await newAgency();
    expect(await h.run('agency.archive', { id, archived: true }, h.worker, T2)).toEqual({ ok: true, writes: [{ collection: 'agencies', id }] });
    expect(await stored('agencies', id)).toMatchObject({ archived: true, name: 'Night Clinic' });
    expect(await h.run('agency.archive', { id, archived: false }, h.colleague, T3, phoneB)).toEqual({ ok: true, writes: [{ collection: 'agencies', id }] });
    expect(await stored('agencies', id)).toMatchObject({ archived: false });
    const theirs = await newAgency(h.outsider);
    for (const other of [uuidv7(), theirs]) {
      expect(await h.run('agency.archive', { id: other, archived: true })).toEqual({ ok: false, code: 'not_found', message: 'this agency was not found' });
      expect(await h.run('agency.update', { id: other, set: { name: 'Mine' }, seen: {} })).toEqual({ ok: false, code: 'not_found', message: 'this agency was not found' });
    }
    expect(await stored('agencies', theirs)).toMatchObject({ name: 'Night Clinic' });
    expect((await stored('agencies', theirs))?.archived).toBeUndefined();
  });
});
