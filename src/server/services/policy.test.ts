import { describe, expect, it } from 'vitest';
import { restrictedClientFields } from '../../shared/domain/client';
import type { Role } from '../../shared/domain/common';
import type { CollectionName } from '../../shared/sync/collections';
import { commandNames } from '../../shared/sync/commands';
import { managementPolicy, mayManage, mayWrite, policyTable, redactRecord, visibleCollections } from './policy';
import type { ManagementAction } from './policy';

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

const peer = { role: 'peer_volunteer', userId: 'u9' } as const;

describe('redactRecord', () => {
  it('gives a peer only the allowed client fields and their clocks', () => {
    const r = redactRecord(peer, 'clients', client);
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
    expect(redactRecord(peer, 'contacts', { id: 'k', summary: 'private' })).toEqual({ id: 'k' });
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
    expect(redactRecord({ role, userId: 'u9' }, collection, { id: 'x' }) !== null).toBe(visible);
    expect(visibleCollections(role).includes(collection)).toBe(visible);
  });

  it('gives an outreach worker the whole client', () => {
    expect(redactRecord({ role: 'outreach_worker', userId: 'u9' }, 'clients', client)).toEqual(client);
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
    ['peer_volunteer', 'referral.create', 'referrals', ['id'], false],
    ['peer_volunteer', 'appointment.book', 'appointments', ['id'], false],
    ['peer_volunteer', 'appointment.transition', 'followUps', ['id'], false],
    ['peer_volunteer', 'followUp.create', 'followUps', ['id'], false],
    ['outreach_worker', 'referral.transition', 'referrals', ['id', 'status', 'history'], true],
    ['outreach_worker', 'appointment.transition', 'followUps', ['id', 'reason', 'dueAt'], true],
    ['outreach_worker', 'referral.create', 'appointments', ['id'], false],
    ['team_lead', 'followUp.complete', 'followUps', ['id', 'status'], true],
  ])('%s %s %s %o → %s', (role, command, collection, fields, allowed) => {
    expect(mayWrite(role, command, collection, fields)).toBe(allowed);
  });
});

describe('the policy table', () => {
  const roles = Object.keys(policyTable) as Role[];

  it('grants writes only on collections the role can read, and only known commands', () => {
    for (const role of roles) {
      for (const [collection, policy] of Object.entries(policyTable[role])) {
        for (const command of policy.write) expect(commandNames, `${role} ${collection}`).toContain(command);
      }
    }
  });

  it('gives a peer volunteer users as id, name and role only', () => {
    const user = { id: 'u', teamId: 't', username: 'sam.k', name: 'Sam', role: 'outreach_worker', admin: false, active: true, createdAt: 'x' };
    expect(redactRecord(peer, 'users', user)).toEqual({ id: 'u', name: 'Sam', role: 'outreach_worker' });
  });

  it.each<[Role, string, boolean]>([
    ['outreach_worker', 'author', true],
    ['outreach_worker', 'someone-else', false],
    ['team_lead', 'someone-else', true],
    ['peer_volunteer', 'author', false],
  ])('a restricted note reaches %s when written by %s: %s', (role, createdBy, visible) => {
    const note = { id: 'n', level: 'restricted', createdBy, body: 'private' };
    expect(redactRecord({ role, userId: 'author' }, 'notes', note) !== null).toBe(visible);
    expect(redactRecord({ role, userId: 'author' }, 'notes', { ...note, level: 'team' }) !== null).toBe(role !== 'peer_volunteer');
  });

  it.each(Object.keys(managementPolicy) as ManagementAction[])('%s: who may', (action) => {
    const allowed = (role: Role, admin: boolean) => mayManage({ role, admin }, action);
    expect(allowed('peer_volunteer', false)).toBe(action === 'audit.record');
    expect(allowed('outreach_worker', false)).toBe(action === 'audit.record');
    expect(allowed('team_lead', false)).toBe(true); // which roles a lead may create or reset is checked in the services
    expect(allowed('team_lead', true)).toBe(true);
  });
});
