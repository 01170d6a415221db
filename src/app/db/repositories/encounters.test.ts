/**
 * An encounter is recorded once, whatever happens around its save: the draft goes in the
 * save's own transaction, and a draft that outlived its save (a crash, a late autosave)
 * is recognised by its encounter id instead of being recorded a second time.
 */
import { describe, expect, it, vi } from 'vitest';
import { noSupplies } from '../../../shared/domain/contact';
import { uuidv7 } from '../../../shared/ids';
import type { Command } from '../../../shared/sync/commands';
import { createPassthroughCipher } from '../cipher';
import { loadDraft } from '../drafts';
import type { LanternDb } from '../schema';
import { createTestDb, testSession } from '../test-support';
import { createEncountersRepository } from './encounters';

const cipher = createPassthroughCipher();
const clientId = uuidv7();
const draftKey = `encounter:${clientId}`;

/** What the flow builds from one draft: fresh ids on every build, except the encounter's own (its contact). */
function commandsFor(encounterId: string): Command[] {
  const at = new Date().toISOString();
  return [
    { name: 'consent.record', args: { id: uuidv7(), clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: at } },
    { name: 'assessment.record', args: { id: uuidv7(), clientId, contactId: encounterId, assessedAt: at, domains: { housing: { need: 'urgent' } } } },
    { name: 'contact.record', args: { id: encounterId, clientId, at, area: 'Docks', kind: 'street', supplies: noSupplies, outcome: 'building_trust' } },
  ];
}

async function setUp() {
  const db = createTestDb();
  const encounters = createEncountersRepository({ db, cipher, getSession: () => testSession });
  const encounterId = uuidv7();
  await encounters.keepDraft(draftKey, encounterId, { draft: { id: encounterId, area: 'Docks' } });
  const save = () => encounters.saveFromDraft({ draftKey, encounterId, commands: commandsFor(encounterId) });
  return { db, encounters, encounterId, save };
}

async function counts(db: LanternDb) {
  return {
    contacts: await db.records('contacts').count(),
    consents: await db.records('consents').count(),
    assessments: await db.records('assessments').count(),
    outbox: (await db.outbox.toArray()).map((entry) => entry.name),
  };
}

const once = { contacts: 1, consents: 1, assessments: 1, outbox: ['consent.record', 'assessment.record', 'contact.record'] };
const nothing = { contacts: 0, consents: 0, assessments: 0, outbox: [] };

describe('saving an encounter from its draft', () => {
  it('records everything and deletes the draft', async () => {
    const { db, save } = await setUp();
    expect(await save()).toBe('recorded');
    expect(await counts(db)).toEqual(once);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
  });

  it('deletes the draft in the save transaction: a failing deletion records nothing, and saving again records once', async () => {
    const { db, save } = await setUp();
    const deletion = vi.spyOn(db.drafts, 'delete').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(save()).rejects.toThrow('disk full');
    expect(await counts(db)).toEqual(nothing);
    expect(await loadDraft(db, cipher, draftKey)).toBeDefined();

    deletion.mockRestore();
    expect(await save()).toBe('recorded');
    expect(await counts(db)).toEqual(once);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
  });

  it('a draft that outlived its save is recognised by its encounter id: saving it again writes nothing and clears it', async () => {
    const { db, save } = await setUp();
    const leftover = await db.drafts.get(draftKey);
    expect(await save()).toBe('recorded');
    await db.drafts.put(leftover!); // what a crash between the save and the deletion used to leave

    expect(await save()).toBe('already-recorded');
    expect(await counts(db)).toEqual(once);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
  });

  it('on reopening, a leftover draft of a recorded encounter is cleared and an unsaved one is kept', async () => {
    const { db, encounters, encounterId, save } = await setUp();
    expect(await encounters.clearIfRecorded(draftKey, encounterId)).toBe(false);
    expect(await db.drafts.get(draftKey)).toBeDefined();

    const leftover = await db.drafts.get(draftKey);
    await save();
    await db.drafts.put(leftover!);
    expect(await encounters.clearIfRecorded(draftKey, encounterId)).toBe(true);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
    expect(await counts(db)).toEqual(once);
  });

  it('an autosave that lands after the save never brings the draft back', async () => {
    const { db, encounters, encounterId, save } = await setUp();
    await save();
    expect(await encounters.keepDraft(draftKey, encounterId, { draft: { id: encounterId, area: 'Docks, late' } })).toBe(false);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
  });

  it('two saves racing each other record the encounter once', async () => {
    const { db, save } = await setUp();
    expect((await Promise.all([save(), save()])).sort()).toEqual(['already-recorded', 'recorded']);
    expect(await counts(db)).toEqual(once);
  });

  it('refuses commands that do not record the encounter as its contact', async () => {
    const { db, encounters } = await setUp();
    await expect(encounters.saveFromDraft({ draftKey, encounterId: uuidv7(), commands: commandsFor(uuidv7()) })).rejects.toThrow(/contact/);
    expect(await counts(db)).toEqual(nothing);
  });
});
