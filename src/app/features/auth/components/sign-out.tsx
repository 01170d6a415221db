import { useState } from 'react';
import { useSessionStore } from '../../../stores/session-store';

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sign out: syncs first; with changes that have not reached the server it stops, says what
 * would be lost, and offers an encrypted copy before erasing.
 */
export function SignOutButton() {
  const logout = useSessionStore((s) => s.logout);
  const exportUnsynced = useSessionStore((s) => s.exportUnsynced);
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [exported, setExported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const signOut = async (discardUnsynced: boolean) => {
    setBusy(true);
    try {
      const outcome = await logout({ discardUnsynced });
      setUnsynced(outcome.unsynced > 0 ? outcome.unsynced : null);
    } finally {
      setBusy(false);
    }
  };

  const exportCopy = async () => {
    if (password.length === 0) {
      setFailure('Enter your password to encrypt the copy.');
      return;
    }
    setFailure(null);
    const blob = await exportUnsynced(password);
    downloadBlob(blob, `lantern-unsynced-${new Date().toISOString().slice(0, 10)}.json`);
    setExported(true);
    setPassword('');
  };

  return (
    <>
      <button type="button" onClick={() => void signOut(false)} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {unsynced !== null && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="signout-warning" className="banner error signout-dialog">
          <p id="signout-warning">
            {unsynced} {unsynced === 1 ? 'change has' : 'changes have'} not reached the server. Signing out erases
            this device, and {unsynced === 1 ? 'it' : 'them'} with it.
          </p>
          <label htmlFor="export-password">Your password, to encrypt a copy</label>
          <input id="export-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
          {failure && <p className="field-error">{failure}</p>}
          <div className="button-row">
            <button type="button" onClick={() => void exportCopy()}>
              {exported ? 'Encrypted copy saved' : 'Save an encrypted copy'}
            </button>
            <button type="button" onClick={() => setUnsynced(null)}>
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
