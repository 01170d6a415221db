/**
 * The current screen, kept in the URL hash so Back works and a reload returns to it.
 * Routes carry record ids only — never a name (DESIGN.md: no name in a URL).
 */
import { create } from 'zustand';

export type Route =
  | { screen: 'clients' }
  | { screen: 'client-new' }
  | { screen: 'client'; clientId: string }
  | { screen: 'client-edit'; clientId: string }
  | { screen: 'client-data'; clientId: string }
  | { screen: 'attention' }
  | { screen: 'team' }
  | { screen: 'encounter'; clientId: string | null }
  | { screen: 'referral-pack'; referralId: string }
  | { screen: 'quick-contact' }
  | { screen: 'alerts' }
  | { screen: 'follow-ups' }
  | { screen: 'agencies' }
  | { screen: 'waiting' }
  | { screen: 'review' }
  | { screen: 'audit' }
  | { screen: 'caseload' }
  | { screen: 'reports' }
  | { screen: 'rights-card'; clientId: string | null };

const ID = '([0-9a-f-]{36})';
const patterns: Array<[RegExp, (m: RegExpMatchArray) => Route]> = [
  [/^\/clients\/new$/, () => ({ screen: 'client-new' })],
  [new RegExp(`^/clients/${ID}/edit$`), (m) => ({ screen: 'client-edit', clientId: m[1] ?? '' })],
  [new RegExp(`^/clients/${ID}/data$`), (m) => ({ screen: 'client-data', clientId: m[1] ?? '' })],
  [new RegExp(`^/clients/${ID}$`), (m) => ({ screen: 'client', clientId: m[1] ?? '' })],
  [/^\/attention$/, () => ({ screen: 'attention' })],
  [/^\/team$/, () => ({ screen: 'team' })],
  [/^\/encounter$/, () => ({ screen: 'encounter', clientId: null })],
  [new RegExp(`^/encounter/${ID}$`), (m) => ({ screen: 'encounter', clientId: m[1] ?? '' })],
  [new RegExp(`^/referrals/${ID}/pack$`), (m) => ({ screen: 'referral-pack', referralId: m[1] ?? '' })],
  [/^\/contact$/, () => ({ screen: 'quick-contact' })],
  [/^\/alerts$/, () => ({ screen: 'alerts' })],
  [/^\/follow-ups$/, () => ({ screen: 'follow-ups' })],
  [/^\/agencies$/, () => ({ screen: 'agencies' })],
  [/^\/waiting$/, () => ({ screen: 'waiting' })],
  [/^\/review$/, () => ({ screen: 'review' })],
  [/^\/audit$/, () => ({ screen: 'audit' })],
  [/^\/caseload$/, () => ({ screen: 'caseload' })],
  [/^\/reports$/, () => ({ screen: 'reports' })],
  [/^\/rights$/, () => ({ screen: 'rights-card', clientId: null })],
  [new RegExp(`^/rights/${ID}$`), (m) => ({ screen: 'rights-card', clientId: m[1] ?? '' })],
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  for (const [pattern, build] of patterns) {
    const match = path.match(pattern);
    if (match) return build(match);
  }
  return { screen: 'clients' };
}

export function routePath(route: Route): string {
  switch (route.screen) {
    case 'clients':
      return '/';
    case 'client-new':
      return '/clients/new';
    case 'client':
      return `/clients/${route.clientId}`;
    case 'client-edit':
      return `/clients/${route.clientId}/edit`;
    case 'client-data':
      return `/clients/${route.clientId}/data`;
    case 'attention':
      return '/attention';
    case 'team':
      return '/team';
    case 'encounter':
      return route.clientId === null ? '/encounter' : `/encounter/${route.clientId}`;
    case 'referral-pack':
      return `/referrals/${route.referralId}/pack`;
    case 'quick-contact':
      return '/contact';
    case 'alerts':
      return '/alerts';
    case 'follow-ups':
      return '/follow-ups';
    case 'agencies':
      return '/agencies';
    case 'waiting':
      return '/waiting';
    case 'review':
      return '/review';
    case 'audit':
      return '/audit';
    case 'caseload':
      return '/caseload';
    case 'reports':
      return '/reports';
    case 'rights-card':
      return route.clientId === null ? '/rights' : `/rights/${route.clientId}`;
  }
}

interface RouteState {
  route: Route;
  navigate: (route: Route) => void;
}

export const useRouteStore = create<RouteState>((set) => ({
  route: typeof location === 'undefined' ? { screen: 'clients' } : parseRoute(location.hash),
  navigate(route) {
    const path = `#${routePath(route)}`;
    if (location.hash !== path) location.hash = path;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouteStore.setState({ route: parseRoute(location.hash) }));
}
