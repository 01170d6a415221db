import { useState, type FormEvent } from 'react';
import { FormFailure } from '../../../components/form-failure';
import { useSessionStore } from '../../../stores/session-store';

/** Locked: nothing is readable until the password unwraps this device's key. Works offline. */
export function UnlockScreen() {
  const username = useSessionStore((s) => s.lockedUsername);
  const unlock = useSessionStore((s) => s.unlock);
  const logout = useSessionStore((s) => s.logout);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setFailure('Enter your password.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await unlock(password);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Unlocking failed.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <h1>Lantern is locked</h1>
      {username && <p className="hint">Signed in as {username}.</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="unlock-password">Password</label>
        <input
          id="unlock-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={failure ? true : undefined}
          aria-describedby={failure ? 'unlock-failure' : undefined}
        />
        <FormFailure id="unlock-failure" message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
      <div className="card">
        {confirmErase ? (
          <>
            <p>
              Erasing removes every Lantern record from this device, including changes that have not synced. You
              can sign in again afterwards.
            </p>
            <div className="button-row">
              <button type="button" onClick={() => setConfirmErase(false)}>
                Keep
              </button>
              <button type="button" className="danger" onClick={() => void logout({ discardUnsynced: true })}>
                Erase this device
              </button>
            </div>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmErase(true)}>
            Forgot password?
          </button>
        )}
      </div>
    </main>
  );
}
