/**
 * The app root: composes the features (features never import each other; this file does)
 * and decides what may be on screen. Records are only ever rendered while unlocked; locking,
 * quick exit and idleness unmount every record view at once.
 */
import { lazy, Suspense, useEffect } from 'react';
import { currentUiLanguage, loadUiLanguage, storedUiLanguage, t, useUiLanguage } from './i18n/i18n';
import type { MessageId } from './i18n/locales/en';
import { LanguageSwitch } from './features/ui-language/components/language-switch';
import { UpdatePrompt } from './features/app-update/components/update-prompt';
import { ErasedScreen } from './features/auth/components/erased-screen';
import { LoginScreen } from './features/auth/components/login-screen';
import { NeutralScreen, QuickExitButton } from './features/auth/components/quick-exit';
import { SignOutButton } from './features/auth/components/sign-out';
import { UnlockScreen } from './features/auth/components/unlock-screen';
import { ClientList } from './features/clients/components/client-list';
import { ClientEditScreen, ClientNewScreen, ClientScreen } from './features/clients/components/client-screens';
import { SyncBar } from './features/sync-status/components/sync-bar';
import { ActiveAlertsBanner } from './features/alerts/components/active-alerts-banner';
import { QuickContactScreen } from './features/contacts/components/quick-contact-screen';
import { EncounterFlow } from './features/encounter/components/encounter-flow';
import { watchIdle } from './stores/idle-lock';
import { useReviewCount } from './features/review/hooks/use-review-queue';
import { useRouteStore, type Route } from './stores/route-store';
import { useSessionStore } from './stores/session-store';
import { useUiStore } from './stores/ui-store';

// Screens a worker does not open on a round are loaded when first opened, so the app shell
// a phone downloads stays small.
const TeamScreen = lazy(() => import('./features/team/components/team-screen').then((m) => ({ default: m.TeamScreen })));
const AuditScreen = lazy(() => import('./features/audit/components/audit-screen').then((m) => ({ default: m.AuditScreen })));
const CaseloadScreen = lazy(() => import('./features/caseload/components/caseload-screen').then((m) => ({ default: m.CaseloadScreen })));
const ReportsScreen = lazy(() => import('./features/reports/components/reports-screen').then((m) => ({ default: m.ReportsScreen })));
const SubjectAccessScreen = lazy(() => import('./features/clients/components/subject-access-screen').then((m) => ({ default: m.SubjectAccessScreen })));
const RightsCardScreen = lazy(() => import('./features/rights-card/rights-card-screen').then((m) => ({ default: m.RightsCardScreen })));
const ReviewScreen = lazy(() => import('./features/review/components/review-screen').then((m) => ({ default: m.ReviewScreen })));
// Precached like every chunk, so they open offline at once; none is needed to start.
const AlertsScreen = lazy(() => import('./features/alerts/components/alerts-screen').then((m) => ({ default: m.AlertsScreen })));
const AgenciesScreen = lazy(() => import('./features/agencies/components/agencies-screen').then((m) => ({ default: m.AgenciesScreen })));
const FollowUpsScreen = lazy(() => import('./features/follow-ups/components/follow-ups-screen').then((m) => ({ default: m.FollowUpsScreen })));
const ReferralPack = lazy(() => import('./features/clients/components/referral-pack').then((m) => ({ default: m.ReferralPack })));
const WaitingScreen = lazy(() => import('./features/sync-status/components/waiting-screen').then((m) => ({ default: m.WaitingScreen })));
const AttentionScreen = lazy(() => import('./features/sync-status/components/attention-screen').then((m) => ({ default: m.AttentionScreen })));
// Seen once in a device's life, at its first sign-in (online): choosing one's own password.
const ChoosePasswordScreen = lazy(() => import('./features/auth/components/choose-password-screen').then((m) => ({ default: m.ChoosePasswordScreen })));

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'clients':
      return <ClientList />;
    case 'client-new':
      return <ClientNewScreen />;
    case 'client':
      return <ClientScreen clientId={route.clientId} />;
    case 'client-edit':
      return <ClientEditScreen clientId={route.clientId} />;
    case 'client-data':
      return <SubjectAccessScreen clientId={route.clientId} />;
    case 'attention':
      return <AttentionScreen />;
    case 'team':
      return <TeamScreen />;
    case 'encounter':
      return <EncounterFlow key={route.clientId ?? 'anonymous'} clientId={route.clientId} />;
    case 'referral-pack':
      return <ReferralPack referralId={route.referralId} />;
    case 'quick-contact':
      return <QuickContactScreen />;
    case 'alerts':
      return <AlertsScreen />;
    case 'follow-ups':
      return <FollowUpsScreen />;
    case 'agencies':
      return <AgenciesScreen />;
    case 'waiting':
      return <WaitingScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'caseload':
      return <CaseloadScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'rights-card':
      return <RightsCardScreen key={route.clientId ?? 'anyone'} clientId={route.clientId} />;
  }
}

/** A team lead's desk screens: tables that use a laptop's width (a phone's stays as it is). */
const wideScreens = new Set<Route['screen']>(['caseload', 'audit', 'reports']);

/** The main places; peers see what their role holds (DESIGN.md). A lead's Review shows its count. */
function navItems(isLead: boolean, isPeer: boolean, toReview: number): [string, Route][] {
  const item = (id: MessageId, route: Route): [string, Route] => [t(id), route];
  const items: [string, Route][] = [item('shell.nav.clients', { screen: 'clients' }), item('shell.nav.logContact', { screen: 'quick-contact' }), item('shell.nav.alerts', { screen: 'alerts' })];
  if (!isPeer) items.push(item('shell.nav.followUps', { screen: 'follow-ups' }));
  items.push(item('shell.nav.agencies', { screen: 'agencies' }));
  if (isLead) {
    items.push(
      item('shell.nav.caseload', { screen: 'caseload' }),
      [t('shell.nav.review', { count: toReview }), { screen: 'review' }],
      item('shell.nav.reports', { screen: 'reports' }),
      item('shell.nav.team', { screen: 'team' }),
    );
  }
  return items;
}

function UnlockedApp() {
  const route = useRouteStore((s) => s.route);
  const lock = useSessionStore((s) => s.lock);
  const idleLockMinutes = useSessionStore((s) => s.idleLockMinutes);
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');
  const isPeer = useSessionStore((s) => s.user?.role === 'peer_volunteer');
  const navigate = useRouteStore((s) => s.navigate);
  const toReview = useReviewCount();
  useEffect(() => watchIdle({ idleMs: idleLockMinutes * 60_000, onIdle: lock }), [idleLockMinutes, lock]);
  return (
    <div className={wideScreens.has(route.screen) ? 'app app-wide' : 'app'}>
      <header className="app-header">
        <span className="brand">{t('shell.brand')}</span>
        <LanguageSwitch />
        <button type="button" onClick={lock}>
          {t('shell.lock')}
        </button>
        <SignOutButton />
        <QuickExitButton />
      </header>
      <nav className="app-nav" aria-label={t('shell.nav.label')}>
        {navItems(isLead, isPeer, toReview).map(([label, target]) => (
          <button
            key={target.screen}
            type="button"
            aria-current={route.screen === target.screen ? 'page' : undefined}
            onClick={() => navigate(target)}
          >
            {label}
          </button>
        ))}
      </nav>
      <main>
        <ActiveAlertsBanner />
        <UpdatePrompt />
        <Suspense fallback={<p className="empty">{t('shell.opening')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
      <SyncBar />
    </div>
  );
}

export function App() {
  const restore = useSessionStore((s) => s.restore);
  const userId = useSessionStore((s) => s.user?.id);
  const language = useUiLanguage();
  useEffect(() => {
    void restore();
  }, [restore]);
  // Once someone is known, the language they chose on this device.
  useEffect(() => {
    if (userId === undefined) return;
    const theirs = storedUiLanguage(userId);
    if (theirs !== currentUiLanguage()) loadUiLanguage(theirs).catch(() => undefined);
  }, [userId]);
  // A new language redraws everything below, so every word is read from its catalogue again.
  return <Phase key={language} />;
}

function Phase() {
  const phase = useSessionStore((s) => s.phase);
  const quickExit = useUiStore((s) => s.quickExit);
  if (quickExit) return <NeutralScreen />;
  switch (phase) {
    case 'loading':
      return <p className="empty">{t('shell.openingLantern')}</p>;
    case 'signed-out':
      return (
        <>
          <div className="login-language">
            <LanguageSwitch />
          </div>
          <LoginScreen />
        </>
      );
    case 'choose-password':
      return (
        <Suspense fallback={<p className="empty">{t('shell.opening')}</p>}>
          <ChoosePasswordScreen />
        </Suspense>
      );
    case 'locked':
      return <UnlockScreen />;
    case 'erased':
      return <ErasedScreen />;
    case 'unlocked':
      return <UnlockedApp />;
  }
}
