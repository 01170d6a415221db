/**
 * The app root: composes the features (features never import each other; this file does).
 */
import { useEffect, useState } from 'react';
import { UpdatePrompt } from './features/app-update/components/update-prompt';
import { LoginScreen } from './features/auth/components/login-screen';
import { ClientList } from './features/clients/components/client-list';
import { ClientEditScreen, ClientNewScreen, ClientScreen } from './features/clients/components/client-screens';
import { AttentionScreen } from './features/sync-status/components/attention-screen';
import { SyncBar } from './features/sync-status/components/sync-bar';
import { useRouteStore, type Route } from './stores/route-store';
import { useSessionStore } from './stores/session-store';

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
  }
}

function SignOutButton() {
  const logout = useSessionStore((s) => s.logout);
  const [warning, setWarning] = useState<number | null>(null);
  const signOut = async (discardUnsynced: boolean) => {
    const { unsynced } = await logout({ discardUnsynced });
    setWarning(unsynced > 0 ? unsynced : null);
  };
  return (
    <>
      <button type="button" onClick={() => void signOut(false)}>
        Sign out
      </button>
      {warning !== null && (
        <div role="alertdialog" aria-labelledby="signout-warning" className="banner error">
          <p id="signout-warning">
            {warning} {warning === 1 ? 'change has' : 'changes have'} not reached the server. Signing out erases this
            device, and them with it.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => setWarning(null)}>
              Stay signed in
            </button>
            <button type="button" className="danger" onClick={() => void signOut(true)}>
              Erase anyway
            </button>
          </div>
        </div>
      )}
    </>
  );
}

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const restore = useSessionStore((s) => s.restore);
  const route = useRouteStore((s) => s.route);
  useEffect(() => {
    void restore();
  }, [restore]);

  if (phase === 'loading') return <p className="empty">Opening Lantern…</p>;
  if (phase === 'signed-out') return <LoginScreen />;
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Lantern</span>
        <SignOutButton />
      </header>
      <main>
        <UpdatePrompt />
        <Screen route={route} />
      </main>
      <SyncBar />
    </div>
  );
}
