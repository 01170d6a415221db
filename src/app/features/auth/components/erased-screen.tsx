import { useSessionStore } from '../../../stores/session-store';

/** After logout or a remote wipe: the device holds nothing; signing in starts afresh. */
export function ErasedScreen() {
  const reason = useSessionStore((s) => s.erasedReason);
  return (
    <main className="login">
      <h1>Signed out</h1>
      <p role="status">
        {reason === 'revoked'
          ? 'Your team lead signed this device out. Everything Lantern held on it has been erased.'
          : 'Everything Lantern held on this device has been erased.'}
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => location.replace('/')}>
          Sign in again
        </button>
      </div>
    </main>
  );
}
