import { useEffect } from 'react';
import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';
import { useUiStore } from '../../../stores/ui-store';

/** Quick exit: one tap locks the device and blanks the screen to a neutral page. */
export function QuickExitButton() {
  const lock = useSessionStore((s) => s.lock);
  const setQuickExit = useUiStore((s) => s.setQuickExit);
  return (
    <button
      type="button"
      className="quick-exit"
      onClick={() => {
        setQuickExit(true);
        lock();
      }}
    >
      {t('session.quickExit.button')}
    </button>
  );
}

/** The neutral page shown after a quick exit; nothing on it says Lantern. */
export function NeutralScreen() {
  const setQuickExit = useUiStore((s) => s.setQuickExit);
  useEffect(() => {
    const previous = document.title;
    document.title = t('session.quickExit.tabTitle');
    return () => {
      document.title = previous;
    };
  }, []);
  return (
    <button type="button" className="neutral-screen" aria-label={t('session.quickExit.continue')} onClick={() => setQuickExit(false)}>
      <span className="visually-hidden">{t('session.quickExit.continue')}</span>
    </button>
  );
}
