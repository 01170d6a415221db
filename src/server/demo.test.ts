/**
 * The demo team is made through the real push, so every change it makes must be accepted;
 * this runs a smaller team on SQLite and checks what a newcomer will see on each screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { usernameSchema } from '../shared/domain/people';
import { verifyPasswordOrDummy } from './auth/passwords';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './demo';
import type { TestDatabase } from './testing';
import { createTestDatabase } from './testing';
import { listChangesSince } from './storage/records-store';
import { getUserByUsername } from './storage/users-store';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.storage.close();
  await db?.drop();
  db = undefined;
});

const count = async (collection: string, where: (data: Record<string, unknown>) => boolean = () => true): Promise<number> => {
  const admin = db === undefined ? undefined : await getUserByUsername(db.storage.db, 'admin');
  if (db === undefined || admin === undefined) throw new Error('no demo team');
  const records = await listChangesSince(db.storage.db, admin.teamId, 0, 1_000_000, [collection]);
  return records.filter((r) => r.data !== null && where(r.data)).length;
};

describe('the demo team', () => {
  it('is made through the push with nothing refused, and fills every screen', async () => {
    db = await createTestDatabase();
    const now = Date.parse('2026-11-30T21:00:00.000Z');
    const summary = await seedDemo(db.storage, now, 40);
    expect(summary).toMatchObject({ people: 43, conflicts: 3 });
    for (const account of [{ username: 'admin' }, ...demoAccounts]) {
      expect(usernameSchema.parse(account.username)).toBe(account.username);
      const user = await getUserByUsername(db.storage.db, account.username);
      expect(await verifyPasswordOrDummy(user?.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await count('clients')).toBe(43);
    expect(await count('contacts')).toBeGreaterThan(40);
    expect(await count('contacts', (c) => c.clientId === null)).toBeGreaterThan(20);
    expect(await count('assessments')).toBe(40);
    expect(await count('referrals')).toBeGreaterThan(3);
    expect(await count('appointments', (a) => a.status === 'missed')).toBeGreaterThan(0);
    expect(await count('followUps')).toBeGreaterThan(0);
    expect(await count('reviewItems', (r) => r.status === 'open')).toBe(3);
    expect(await count('safetyAlerts')).toBe(1);
    const rejections = await db.storage.db.selectFrom('rejections').selectAll().execute();
    expect(rejections).toEqual([]);
    await expect(seedDemo(db.storage, now, 5)).rejects.toThrow('The demo needs an empty database');
  });
});
