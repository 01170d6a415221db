import { useEffect, useState, type FormEvent } from 'react';
import { notesRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { useClientNotes } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';

const FORM_NAME = 'client-note';

function formatWhen(iso: string): string {
  return formatDateTime(iso);
}

/** A client's notes and a box to add one. Notes are never edited, only added. */
export function ClientNotes({ clientId }: { clientId: string }) {
  const notes = useClientNotes(clientId);
  const setFormDirty = useUiStore((s) => s.setFormDirty);
  const [body, setBody] = useState('');
  const [restricted, setRestricted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setFormDirty(FORM_NAME, body.trim() !== '');
    return () => setFormDirty(FORM_NAME, false);
  }, [body, setFormDirty]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setFailure(t('clientStory.notes.writeFirst'));
      return;
    }
    setFailure(null);
    try {
      await notesRepository.add({ clientId, body: body.trim(), level: restricted ? 'restricted' : 'team' });
      setBody('');
      setRestricted(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clientStory.notes.notSaved'));
    }
  };

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('clientStory.notes.heading')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor="note-body">{t('clientStory.notes.add')}</label>
        <textarea id="note-body" value={body} onChange={(e) => setBody(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} /> {t('clientStory.notes.restrictedCheck')}
        </label>
        {failure && (
          <p role="alert" className="field-error">
            {failure}
          </p>
        )}
        <div className="button-row">
          <button type="submit">{t('clientStory.notes.save')}</button>
        </div>
      </form>
      {notes === undefined ? null : notes.length === 0 ? (
        <p className="empty">{t('clientStory.notes.none')}</p>
      ) : (
        <ul className="list" aria-label={t('clientStory.notes.heading')}>
          {notes.map((note) => (
            <li key={note.id} className="card">
              <p className="hint">
                {formatWhen(note.createdAt)}
                {note.level === 'restricted' && <span className="tag">{t('clientStory.notes.restrictedTag')}</span>}
              </p>
              <p>{note.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
