import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';

/** After logout or a remote wipe: the device holds nothing; signing in starts afresh. */
export function ErasedScreen() {
  const reason = useSessionStore((s) => s.erasedReason);
  return (
    <main className="login">
      <h1>{t('session.erased.heading')}</h1>
      <p role="status">
        {reason === 'revoked' ? t('session.erased.revoked') : t('session.erased.done')}
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => location.replace('/')}>
          {t('session.erased.signInAgain')}
        </button>
      </div>
    </main>
  );
}
