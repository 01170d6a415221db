/**
 * The first start of a server: one team, one admin and the example directory, once, even
 * when two processes start on the same empty database at the same moment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPasswordOrDummy } from '../auth/passwords';
import { listChangesSince } from '../storage/records-store';
import { countUsers, getUserByUsername } from '../storage/users-store';
import type { TestDatabase } from '../testing';
import { createTestDatabase } from '../testing';
import { ADMIN_USERNAME, bootstrap } from './bootstrap';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.storage.close();
  await db?.drop();
  db = undefined;
});

describe('bootstrap', () => {
  it('makes the first team’s admin with a generated password and seeds the directory, once', async () => {
    db = await createTestDatabase();
    const first = await bootstrap(db.storage, undefined, Date.parse('2030-01-01T00:00:00.000Z'));
    if (!first.created) throw new Error('expected the first start to bootstrap');
    expect(first.generated).toBe(true);
    expect(first.password).toHaveLength(20);
    const admin = await getUserByUsername(db.storage.db, ADMIN_USERNAME);
    expect(admin).toMatchObject({ id: first.adminId, teamId: first.teamId, admin: true, role: 'team_lead', active: true });
    expect(await verifyPasswordOrDummy(admin?.passwordHash, first.password)).toBe(true);
    const agencies = await listChangesSince(db.storage.db, first.teamId, 0, 100, ['agencies']);
    expect(agencies.map((a) => a.id).sort()).toEqual([...first.agencyIds].sort());
    expect(first.agencyIds.length).toBeGreaterThan(0);
    expect(await bootstrap(db.storage, 'another-password-1')).toEqual({ created: false });
    expect(await countUsers(db.storage.db)).toBe(1);
  });

  it('keeps a password it is given', async () => {
    db = await createTestDatabase();
    expect(await bootstrap(db.storage, 'the-given-password-1')).toMatchObject({ created: true, generated: false, password: 'the-given-password-1' });
  });

  it('makes one admin when two starts race on the same empty database', async () => {
    db = await createTestDatabase();
    const other = await db.reopen();
    try {
      const results = await Promise.all([bootstrap(db.storage, 'first-password-11'), bootstrap(other, 'second-password-22')]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await countUsers(db.storage.db)).toBe(1);
    } finally {
      await other.close();
    }
  });
});
