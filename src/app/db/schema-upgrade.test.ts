/**
 * A device that stored records under schema version 1 keeps them when the app moves to
 * version 2, and the clear copy of the field nothing queries (the clients' `updatedAt`)
 * leaves its rows; the record itself, sealed in `enc`, is untouched, and every other
 * index still answers.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { LanternDb } from './schema';

/** The version 1 stores, as the app declared them before. */
const VERSION_1_STORES = {
  outbox: '++id, status',
  meta: 'key',
  drafts: 'id',
  clients: 'id, updatedAt',
  consents: 'id, clientId',
  contacts: 'id, clientId, at',
  assessments: 'id, clientId',
  agencies: 'id',
  referrals: 'id, clientId, status',
  appointments: 'id, clientId, status, at',
  followUps: 'id, clientId, status, dueAt',
  notes: 'id, clientId',
  safetyAlerts: 'id, expiresAt',
  reviewItems: 'id, status',
  users: 'id',
};

describe('device schema upgrade', () => {
  it('keeps every record, and strips the clear field of the dropped index', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = `lantern-upgrade-${uuidv7()}`;
    const enc = { v: 0, iv: new Uint8Array(12), data: new ArrayBuffer(4) };
    const [client, person, contact, appointment, item] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const old = new Dexie(name, deps);
    old.version(1).stores(VERSION_1_STORES);
    await old.table('meta').add({ key: 'deviceId', value: 'device-1' });
    await old.table('clients').add({ id: client, updatedAt: '2026-11-01T00:00:00.000Z', enc });
    await old.table('contacts').add({ id: contact, clientId: person, at: '2026-11-02T22:00:00.000Z', enc });
    await old.table('appointments').add({ id: appointment, clientId: person, status: 'booked', at: '2026-11-03T10:00:00.000Z', enc });
    await old.table('reviewItems').add({ id: item, status: 'open', enc });
    old.close();

    const db = new LanternDb(name, deps);
    expect(await db.records('clients').get(client)).toEqual({ id: client, enc });
    expect(await db.records('contacts').get(contact)).toEqual({ id: contact, clientId: person, at: '2026-11-02T22:00:00.000Z', enc });
    expect(db.records('clients').schema.indexes).toEqual([]);
    // The indexes still queried work on the upgraded rows.
    expect(await db.records('appointments').where('status').equals('booked').primaryKeys()).toEqual([appointment]);
    expect(await db.records('contacts').orderBy('at').primaryKeys()).toEqual([contact]);
    expect(await db.records('reviewItems').where('status').equals('open').count()).toBe(1);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'device-1' });
    db.close();
  });
});
