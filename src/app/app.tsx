/**
 * The app root: composes the features (features never import each other; this file does)
 * and decides what may be on screen. Records are only ever rendered while unlocked; locking,
 * quick exit and idleness unmount every record view at once.
 */
import { useEffect } from 'react';
import { UpdatePrompt } from './features/app-update/components/update-prompt';
import { ErasedScreen } from './features/auth/components/erased-screen';
import { LoginScreen } from './features/auth/components/login-screen';
import { NeutralScreen, QuickExitButton } from './features/auth/components/quick-exit';
import { SignOutButton } from './features/auth/components/sign-out';
import { UnlockScreen } from './features/auth/components/unlock-screen';
import { ClientList } from './features/clients/components/client-list';
import { ClientEditScreen, ClientNewScreen, ClientScreen } from './features/clients/components/client-screens';
import { AttentionScreen } from './features/sync-status/components/attention-screen';
import { SyncBar } from './features/sync-status/components/sync-bar';
import { TeamScreen } from './features/team/components/team-screen';
import { watchIdle } from './stores/idle-lock';
import { useRouteStore, type Route } from './stores/route-store';
import { useSessionStore } from './stores/session-store';
import { useUiStore } from './stores/ui-store';

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
    case 'attention':
      return <AttentionScreen />;
    case 'team':
      return <TeamScreen />;
  }
}

function UnlockedApp() {
  const route = useRouteStore((s) => s.route);
  const lock = useSessionStore((s) => s.lock);
  const idleLockMinutes = useSessionStore((s) => s.idleLockMinutes);
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');
  const navigate = useRouteStore((s) => s.navigate);
  useEffect(() => watchIdle({ idleMs: idleLockMinutes * 60_000, onIdle: lock }), [idleLockMinutes, lock]);
  return (
    <div className="app">
      <header className="app-header">
        <button type="button" className="brand" onClick={() => navigate({ screen: 'clients' })}>
          Lantern
        </button>
        {isLead && (
          <button type="button" onClick={() => navigate({ screen: 'team' })}>
            Team
          </button>
        )}
        <button type="button" onClick={lock}>
          Lock
        </button>
        <SignOutButton />
        <QuickExitButton />
      </header>
      <main>
        <UpdatePrompt />
        <Screen route={route} />
      </main>
      <SyncBar />
    </div>
  );
}

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const restore = useSessionStore((s) => s.restore);
  const quickExit = useUiStore((s) => s.quickExit);
  useEffect(() => {
    void restore();
  }, [restore]);

  if (quickExit) return <NeutralScreen />;
  switch (phase) {
    case 'loading':
      return <p className="empty">Opening Lantern…</p>;
    case 'signed-out':
      return <LoginScreen />;
    case 'locked':
      return <UnlockScreen />;
    case 'erased':
      return <ErasedScreen />;
    case 'unlocked':
      return <UnlockedApp />;
  }
}
