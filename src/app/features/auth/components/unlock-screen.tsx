import { useState, type FormEvent } from 'react';
import { FormFailure } from '../../../components/form-failure';
import { t } from '../../../i18n/i18n';
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
      setFailure(t('session.unlock.enterPassword'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await unlock(password);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('session.unlock.failed'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <h1>{t('session.unlock.heading')}</h1>
      {username && <p className="hint">{t('session.unlock.signedInAs', { username })}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="unlock-password">{t('session.unlock.password')}</label>
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
            {busy ? t('session.unlock.unlocking') : t('session.unlock.unlock')}
          </button>
        </div>
      </form>
      <div className="card">
        {confirmErase ? (
          <>
            <p>{t('session.unlock.eraseWarning')}</p>
            <div className="button-row">
              <button type="button" onClick={() => setConfirmErase(false)}>
                {t('session.unlock.keep')}
              </button>
              <button type="button" className="danger" onClick={() => void logout({ discardUnsynced: true })}>
                {t('session.unlock.erase')}
              </button>
            </div>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmErase(true)}>
            {t('session.unlock.forgot')}
          </button>
        )}
      </div>
    </main>
  );
}
