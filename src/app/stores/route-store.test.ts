import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from './route-store';

const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { screen: 'clients' }],
    ['#/', { screen: 'clients' }],
    ['#/clients/new', { screen: 'client-new' }],
    [`#/clients/${id}`, { screen: 'client', clientId: id }],
    [`#/clients/${id}/edit`, { screen: 'client-edit', clientId: id }],
    ['#/attention', { screen: 'attention' }],
    ['#/team', { screen: 'team' }],
    ['#/encounter', { screen: 'encounter', clientId: null }],
    [`#/encounter/${id}`, { screen: 'encounter', clientId: id }],
    [`#/referrals/${id}/pack`, { screen: 'referral-pack', referralId: id }],
    ['#/contact', { screen: 'quick-contact' }],
    ['#/alerts', { screen: 'alerts' }],
    ['#/follow-ups', { screen: 'follow-ups' }],
    ['#/agencies', { screen: 'agencies' }],
    ['#/waiting', { screen: 'waiting' }],
    ['#/review', { screen: 'review' }],
    ['#/audit', { screen: 'audit' }],
    ['#/caseload', { screen: 'caseload' }],
    ['#/reports', { screen: 'reports' }],
    ['#/clients/Jane%20Doe', { screen: 'clients' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route', () => {
    const routes: Route[] = [
      { screen: 'clients' },
      { screen: 'client-new' },
      { screen: 'client', clientId: id },
      { screen: 'client-edit', clientId: id },
      { screen: 'attention' },
      { screen: 'team' },
      { screen: 'encounter', clientId: null },
      { screen: 'encounter', clientId: id },
      { screen: 'referral-pack', referralId: id },
      { screen: 'quick-contact' },
      { screen: 'alerts' },
      { screen: 'follow-ups' },
      { screen: 'agencies' },
      { screen: 'waiting' },
      { screen: 'review' },
      { screen: 'audit' },
      { screen: 'caseload' },
      { screen: 'reports' },
    ];
    for (const route of routes) expect(parseRoute(`#${routePath(route)}`)).toEqual(route);
  });
});
