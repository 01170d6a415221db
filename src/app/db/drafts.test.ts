import { describe, expect, it } from 'vitest';
import { createPassthroughCipher } from './cipher';
import { discardDraft, loadDraft, saveDraft } from './drafts';
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
});
