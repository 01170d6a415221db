import { useEffect } from 'react';
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
      Quick exit
    </button>
  );
}

/** The neutral page shown after a quick exit; nothing on it says Lantern. */
export function NeutralScreen() {
  const setQuickExit = useUiStore((s) => s.setQuickExit);
  useEffect(() => {
    const previous = document.title;
    document.title = 'New Tab';
    return () => {
      document.title = previous;
    };
  }, []);
  return (
    <button type="button" className="neutral-screen" aria-label="Continue" onClick={() => setQuickExit(false)}>
      <span className="visually-hidden">Continue</span>
    </button>
  );
}
