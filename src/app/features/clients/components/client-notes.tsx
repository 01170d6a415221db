import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { noteArgsSchema } from '../../../../shared/domain/note';
import { FormFailure } from '../../../components/form-failure';
import { notesRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { useClientNotes } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';

const FORM_NAME = 'client-note';

function formatWhen(iso: string): string {
  return formatDateTime(iso);
}

/** The shared rule for a note's body: its bounds are read from it, and it has the last word. */
const noteBodySchema = noteArgsSchema.shape.body;
const longestNote = noteBodySchema.maxLength ?? Number.POSITIVE_INFINITY;

const noteFormSchema = z.object({
  // The body is checked as it will be saved (trimmed). The words are the catalogue's, read
  // when the check runs; the pipe keeps any other rule the shared schema has.
  body: z
    .string()
    .trim()
    .min(noteBodySchema.minLength ?? 0, { error: () => t('clientStory.notes.writeFirst') })
    .max(longestNote, { error: () => t('clientStory.atMostCharacters', { max: longestNote }) })
    .pipe(noteBodySchema),
  restricted: z.boolean(),
});
type NoteForm = z.infer<typeof noteFormSchema>;

/** A client's notes and a box to add one. Notes are never edited, only added. */
export function ClientNotes({ clientId }: { clientId: string }) {
  const notes = useClientNotes(clientId);
  const setFormDirty = useUiStore((s) => s.setFormDirty);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<NoteForm>({ resolver: zodResolver(noteFormSchema), defaultValues: { body: '', restricted: false } });
  const body = watch('body');

  useEffect(() => {
    setFormDirty(FORM_NAME, body.trim() !== '');
    return () => setFormDirty(FORM_NAME, false);
  }, [body, setFormDirty]);

  const onSubmit = handleSubmit(
    async (form) => {
      setFailure(null);
      try {
        await notesRepository.add({ clientId, body: form.body, level: form.restricted ? 'restricted' : 'team' });
        reset();
      } catch (error) {
        setFailure(error instanceof Error ? error.message : t('clientStory.notes.notSaved'));
      }
    },
    // One message at a time, as before: the field's own check replaces an earlier failure.
    () => setFailure(null),
  );

  const bodyError = errors.body?.message;
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('clientStory.notes.heading')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <label htmlFor="note-body">{t('clientStory.notes.add')}</label>
        <textarea id="note-body" aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? 'note-body-error' : undefined} {...register('body')} />
        <label className="check">
          <input type="checkbox" {...register('restricted')} /> {t('clientStory.notes.restrictedCheck')}
        </label>
        {bodyError && (
          <p id="note-body-error" role="alert" className="field-error">
            {bodyError}
          </p>
        )}
        <FormFailure message={failure} />
        <div className="button-row">
          <button type="submit" disabled={isSubmitting}>
            {t('clientStory.notes.save')}
          </button>
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
