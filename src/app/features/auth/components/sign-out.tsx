import { useState } from 'react';
import { encounterDraftClient, listDrafts } from '../../../db/drafts';
import { useRouteStore } from '../../../stores/route-store';
import { clientsRepository, db } from '../../../stores/runtime';
import { useSessionStore } from '../../../stores/session-store';

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An unsaved draft as a person recognises it: whose encounter, and when it was last touched. */
interface UnsavedDraft {
  readonly key: string;
  /** The encounter's client (null: anonymous); undefined for a draft that is not an encounter. */
  readonly clientId: string | null | undefined;
  readonly label: string;
}

async function unsavedDrafts(): Promise<UnsavedDraft[]> {
  const drafts = await listDrafts(db);
  return Promise.all(
    drafts.map(async ({ id, updatedAt }) => {
      const time = new Date(updatedAt).toLocaleString('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' });
      const encounter = encounterDraftClient(id);
      if (encounter === undefined) return { key: id, clientId: undefined, label: `A form left unfinished (${time})` };
      const alias = encounter.clientId === null ? null : (await clientsRepository.get(encounter.clientId))?.alias;
      const who = encounter.clientId === null ? 'an anonymous encounter' : `an encounter with ${alias ?? 'a client'}`;
      return { key: id, clientId: encounter.clientId, label: `${who[0]?.toUpperCase() ?? ''}${who.slice(1)}, not saved (last changed ${time})` };
    }),
  );
}

/**
 * Sign out: asks first, saying what it erases (and naming any encounter started but not
 * saved, which nothing else would keep); then syncs; with changes that have not reached the
 * server it stops, says what would be lost, and offers an encrypted copy before erasing.
 */
export function SignOutButton() {
  const navigate = useRouteStore((s) => s.navigate);
  const [confirming, setConfirming] = useState<readonly UnsavedDraft[] | null>(null);
  const logout = useSessionStore((s) => s.logout);
  const exportUnsynced = useSessionStore((s) => s.exportUnsynced);
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [exported, setExported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const ask = async () => setConfirming(await unsavedDrafts());

  const signOut = async (discardUnsynced: boolean) => {
    setConfirming(null);
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
      <button type="button" onClick={() => void ask()} disabled={busy || confirming !== null}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {confirming !== null && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="signout-confirm" aria-describedby="signout-erases" className="banner signout-dialog">
          <p id="signout-confirm">
            <strong>Sign out and erase this device?</strong>
          </p>
          <p id="signout-erases">
            Signing out erases everything Lantern keeps on this device. The team's records stay on the server and come back
            when you sign in again; changes not yet synced are sent first.
          </p>
          {confirming.length > 0 && (
            <>
              <p>Started here and never saved, so they would be lost:</p>
              <ul aria-label="Unsaved drafts">
                {confirming.map((draft) => (
                  <li key={draft.key}>
                    {draft.label}{' '}
                    {draft.clientId !== undefined && (
                      <button
                        type="button"
                        onClick={() => {
                          setConfirming(null);
                          navigate({ screen: 'encounter', clientId: draft.clientId ?? null });
                        }}
                      >
                        Open it
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button type="button" autoFocus onClick={() => setConfirming(null)}>
              Stay signed in
            </button>
            <button type="button" className="danger" onClick={() => void signOut(false)}>
              Sign out and erase
            </button>
          </div>
        </div>
      )}
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
