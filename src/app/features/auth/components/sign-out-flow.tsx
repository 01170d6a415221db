import { useEffect, useState } from 'react';
import { encounterDraftClient, listDrafts } from '../../../db/drafts';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';
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
  /** The client's alias, when the device knows it. */
  readonly alias: string | undefined;
  readonly updatedAt: number;
}

async function unsavedDrafts(): Promise<UnsavedDraft[]> {
  const drafts = await listDrafts(db);
  return Promise.all(
    drafts.map(async ({ id, updatedAt }) => {
      const encounter = encounterDraftClient(id);
      if (encounter === undefined) return { key: id, clientId: undefined, alias: undefined, updatedAt };
      const alias = encounter.clientId === null ? undefined : (await clientsRepository.get(encounter.clientId))?.alias;
      return { key: id, clientId: encounter.clientId, alias, updatedAt };
    }),
  );
}

/** The draft in words, in the interface's language: "An encounter with Kestrel, not saved (last changed Mon 21:40)". */
function draftLabel({ clientId, alias, updatedAt }: UnsavedDraft): string {
  const time = formatDateTime(updatedAt, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  if (clientId === undefined) return t('session.signOut.draftForm', { time });
  if (clientId === null) return t('session.signOut.draftAnonymous', { time });
  return alias === undefined ? t('session.signOut.draftWithSomeone', { time }) : t('session.signOut.draftWith', { alias, time });
}

/**
 * Sign out, once the button is pressed: asks first, saying what it erases (and naming any
 * encounter started but not saved, which nothing else would keep); then syncs; with changes
 * that have not reached the server it stops, says what would be lost, and offers an
 * encrypted copy before erasing. `onDone` when the person stays after all.
 */
export function SignOutFlow({ onDone }: { readonly onDone: () => void }) {
  const navigate = useRouteStore((s) => s.navigate);
  const [confirming, setConfirming] = useState<readonly UnsavedDraft[] | null>(null);
  const logout = useSessionStore((s) => s.logout);
  const exportUnsynced = useSessionStore((s) => s.exportUnsynced);
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [exported, setExported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void unsavedDrafts().then((drafts) => live && setConfirming(drafts));
    return () => {
      live = false;
    };
  }, []);

  const signOut = async (discardUnsynced: boolean) => {
    setConfirming(null);
    setBusy(true);
    try {
      const outcome = await logout({ discardUnsynced });
      if (outcome.unsynced > 0) setUnsynced(outcome.unsynced);
      else onDone();
    } finally {
      setBusy(false);
    }
  };

  const exportCopy = async () => {
    if (password.length === 0) {
      setFailure(t('session.signOut.needPassword'));
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
      <button type="button" disabled>
        {busy ? t('session.signOut.signingOut') : t('session.signOut.signOut')}
      </button>
      {confirming !== null && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="signout-confirm" aria-describedby="signout-erases" className="banner signout-dialog">
          <p id="signout-confirm">
            <strong>{t('session.signOut.confirmHeading')}</strong>
          </p>
          <p id="signout-erases">{t('session.signOut.erases')}</p>
          {confirming.length > 0 && (
            <>
              <p>{t('session.signOut.unsavedIntro')}</p>
              <ul aria-label={t('session.signOut.unsavedLabel')}>
                {confirming.map((draft) => (
                  <li key={draft.key}>
                    {draftLabel(draft)}{' '}
                    {draft.clientId !== undefined && (
                      <button
                        type="button"
                        onClick={() => {
                          onDone();
                          navigate({ screen: 'encounter', clientId: draft.clientId ?? null });
                        }}
                      >
                        {t('session.signOut.openIt')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button type="button" autoFocus onClick={onDone}>
              {t('session.signOut.stay')}
            </button>
            <button type="button" className="danger" onClick={() => void signOut(false)}>
              {t('session.signOut.confirm')}
            </button>
          </div>
        </div>
      )}
      {unsynced !== null && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="signout-warning" className="banner error signout-dialog">
          <p id="signout-warning">{t('session.signOut.unsynced', { count: unsynced })}</p>
          <label htmlFor="export-password">{t('session.signOut.exportPassword')}</label>
          <input id="export-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
          {failure && <p className="field-error">{failure}</p>}
          <div className="button-row">
            <button type="button" onClick={() => void exportCopy()}>
              {exported ? t('session.signOut.exported') : t('session.signOut.export')}
            </button>
            <button type="button" onClick={onDone}>
              {t('session.signOut.stay')}
            </button>
            <button type="button" className="danger" onClick={() => void signOut(true)}>
              {t('session.signOut.eraseAnyway')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
