import { describe, expect, it } from 'vitest';
import { restrictedClientFields } from '../../shared/domain/client';
import type { Role } from '../../shared/domain/common';
import type { CollectionName } from '../../shared/sync/collections';
import { mayWrite, redactRecord, visibleCollections } from './policy';

const client = {
  id: 'c1',
  teamId: 't1',
  alias: 'Sky',
  legalName: 'Real Name',
  birthYear: 1990,
  ageBand: '25_34',
  mayBeUnder18: false,
  genderIdentity: 'woman',
  pronouns: 'she/her',
  languages: ['ro'],
  interpreterNeeded: true,
  safeContactMethods: ['text'],
  usualAreas: ['North'],
  keyWorkerId: 'u1',
  safetyFlags: ['being_watched'],
  createdAt: 'x',
  createdBy: 'u1',
  updatedAt: 'y',
  clocks: { alias: 'h1', legalName: 'h2', usualAreas: 'h3', birthYear: 'h4' },
};

describe('redactRecord', () => {
  it('gives a peer only the allowed client fields and their clocks', () => {
    const r = redactRecord('peer_volunteer', 'clients', client);
    expect(r).toEqual({
      id: 'c1',
      teamId: 't1',
      alias: 'Sky',
      usualAreas: ['North'],
      keyWorkerId: 'u1',
      safetyFlags: ['being_watched'],
      createdAt: 'x',
      createdBy: 'u1',
      updatedAt: 'y',
      clocks: { alias: 'h1', usualAreas: 'h3' },
    });
    for (const f of restrictedClientFields) expect(r).not.toHaveProperty(f);
  });

  it('removes the summary of a contact for a peer', () => {
    expect(redactRecord('peer_volunteer', 'contacts', { id: 'k', summary: 'private' })).toEqual({ id: 'k' });
  });

  it.each<[Role, CollectionName, boolean]>([
    ['peer_volunteer', 'assessments', false],
    ['peer_volunteer', 'notes', false],
    ['peer_volunteer', 'consents', false],
    ['peer_volunteer', 'referrals', false],
    ['peer_volunteer', 'appointments', false],
    ['peer_volunteer', 'followUps', false],
    ['peer_volunteer', 'reviewItems', false],
    ['peer_volunteer', 'agencies', true],
    ['peer_volunteer', 'safetyAlerts', true],
    ['peer_volunteer', 'users', true],
    ['outreach_worker', 'reviewItems', false],
    ['outreach_worker', 'notes', true],
    ['team_lead', 'reviewItems', true],
  ])('%s sees %s: %s', (role, collection, visible) => {
    expect(redactRecord(role, collection, { id: 'x' }) !== null).toBe(visible);
    expect(visibleCollections(role).includes(collection)).toBe(visible);
  });

  it('gives an outreach worker the whole client', () => {
    expect(redactRecord('outreach_worker', 'clients', client)).toEqual(client);
  });
});

describe('mayWrite', () => {
  it.each<[Role, Parameters<typeof mayWrite>[1], CollectionName, string[], boolean]>([
    ['peer_volunteer', 'client.create', 'clients', ['alias', 'usualAreas'], true],
    ['peer_volunteer', 'client.create', 'clients', ['alias', 'legalName'], false],
    ['peer_volunteer', 'client.create', 'clients', ['alias', 'mayBeUnder18'], false],
    ['peer_volunteer', 'client.update', 'clients', ['alias'], false],
    ['peer_volunteer', 'contact.record', 'contacts', ['id', 'area'], true],
    ['peer_volunteer', 'contact.record', 'contacts', ['id', 'summary'], false],
    ['peer_volunteer', 'note.add', 'notes', ['id'], false],
    ['peer_volunteer', 'safetyAlert.raise', 'safetyAlerts', ['id', 'message'], true],
    ['outreach_worker', 'client.update', 'clients', ['legalName'], true],
    ['outreach_worker', 'note.add', 'notes', ['id', 'body'], true],
    ['team_lead', 'assessment.record', 'assessments', ['id'], true],
  ])('%s %s %s %o → %s', (role, command, collection, fields, allowed) => {
    expect(mayWrite(role, command, collection, fields)).toBe(allowed);
  });
});
