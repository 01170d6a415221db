import { describe, expect, it } from 'vitest';
import { createPassthroughCipher } from './cipher';
import { discardDraft, encounterDraftClient, encounterDraftKey, listDrafts, loadDraft, saveDraft } from './drafts';
import { createTestDb } from './test-support';

const cipher = createPassthroughCipher();

describe('drafts', () => {
  it('saves sealed, loads back and discards', async () => {
    const db = createTestDb();
    await saveDraft(db, cipher, 'encounter:1', { alias: 'Robin', notes: 'said a lot' }, { now: 42 });
    const row = await db.drafts.get('encounter:1');
    expect(Object.keys(row ?? {}).sort()).toEqual(['enc', 'id', 'updatedAt']);
    expect(await loadDraft(db, cipher, 'encounter:1')).toEqual({ alias: 'Robin', notes: 'said a lot' });
    await discardDraft(db, 'encounter:1');
    expect(await loadDraft(db, cipher, 'encounter:1')).toBeUndefined();
  });

  it('lists the drafts kept, newest first, by id and time only', async () => {
    const db = createTestDb();
    expect(await listDrafts(db)).toEqual([]);
    await saveDraft(db, cipher, 'encounter:anonymous', { area: 'Docks' }, { now: 10 });
    await saveDraft(db, cipher, 'encounter:2', { area: 'Pier' }, { now: 30 });
    await saveDraft(db, cipher, 'encounter:3', { area: 'Quay' }, { now: 20 });
    expect(await listDrafts(db)).toEqual([
      { id: 'encounter:2', updatedAt: 30 },
      { id: 'encounter:3', updatedAt: 20 },
      { id: 'encounter:anonymous', updatedAt: 10 },
    ]);
  });

  it('names encounter drafts by client, and reads the name back', () => {
    expect(encounterDraftClient(encounterDraftKey('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'))).toEqual({ clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(encounterDraftClient(encounterDraftKey(null))).toEqual({ clientId: null });
    expect(encounterDraftClient('client-form:new')).toBeUndefined();
  });
});
