import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { followUpArgsSchema } from '../../../../shared/domain/follow-up';
import { todayOnThisPhone } from '../../../components/calendar-day';
import { FormFailure } from '../../../components/form-failure';
import { followUpReasonLabels } from '../../../components/labels';
import { TextField } from '../../../components/text-field';
import { tooBigMaximum, worded } from '../../../components/worded-rule';
import { followUpsRepository } from '../../../stores/runtime';
import { useSessionStore } from '../../../stores/session-store';
import { t } from '../../../i18n/i18n';

/** The reasons a worker opens a follow-up by hand (a missed appointment and an NRM referral open their own). */
const handReasonSchema = followUpArgsSchema.shape.reason.exclude(['missed_appointment', 'nrm_decision']);

/** When a follow-up due on `day` is due: the start of that day on this phone, or the day as typed if it is no day at all. */
function dueAtStartOf(day: string): string {
  const start = new Date(`${day}T00:00`);
  return Number.isNaN(start.getTime()) ? day : start.toISOString();
}

/*
 * The day and the note are checked by the shared follow-up rules (the ones the server
 * applies), as they are; only their refusals are worded here, from the catalogue, when the
 * check runs (so in the language shown then). The chosen day is checked as the `dueAt` it
 * becomes, and the checked form carries that `dueAt`.
 */
const addFollowUpFormSchema = z.object({
  reason: handReasonSchema,
  due: worded(z.string().transform(dueAtStartOf).pipe(followUpArgsSchema.shape.dueAt), () => t('clientStory.addFollowUp.chooseDay')),
  assignee: z.enum(['me', 'key_worker', 'nobody']),
  notes: worded(followUpArgsSchema.shape.notes.unwrap(), (issue) => {
    const max = tooBigMaximum(issue);
    return max === null ? t('clientStory.addFollowUp.notAsItIs') : t('clientStory.atMostCharacters', { max });
  }),
});
type AddFollowUpFormInput = z.input<typeof addFollowUpFormSchema>;
type AddFollowUpForm = z.output<typeof addFollowUpFormSchema>;
type HandReason = AddFollowUpForm['reason'];

/**
 * Opens a follow-up by hand from a person's page ("check in", "chase a referral"), due on
 * a day, for the worker, the key worker or nobody yet. Works offline; the shared schema
 * checks it, here and on the server.
 */
export function AddFollowUp({ clientId, keyWorkerId }: { clientId: string; keyWorkerId: string | null }) {
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The reason of the follow-up just added, announced in the language shown when it renders.
  const [saved, setSaved] = useState<HandReason | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AddFollowUpFormInput, unknown, AddFollowUpForm>({ resolver: zodResolver(addFollowUpFormSchema), defaultValues: { reason: 'check_in', due: todayOnThisPhone(), assignee: 'me', notes: '' } });

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    const assigneeId = form.assignee === 'me' ? userId : form.assignee === 'key_worker' ? keyWorkerId : null;
    try {
      // Due at the start of the chosen day on this phone (the checked form's `due`).
      await followUpsRepository.add({ clientId, reason: form.reason, dueAt: form.due, assigneeId, ...(form.notes.trim() ? { notes: form.notes.trim() } : {}) });
      setSaved(form.reason);
      reset();
      setOpen(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clientStory.savingFailed'));
    }
  });

  return (
    <>
      <p role="status" className={saved === null ? 'visually-hidden' : 'hint'}>
        {saved === null ? '' : t('clientStory.addFollowUp.added', { reason: followUpReasonLabels[saved] })}
      </p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('clientStory.addFollowUp.open')}
        </button>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('clientStory.addFollowUp.open')}>
          <label htmlFor="follow-up-reason">{t('clientStory.addFollowUp.what')}</label>
          <select id="follow-up-reason" {...register('reason')}>
            {handReasonSchema.options.map((reason) => (
              <option key={reason} value={reason}>
                {followUpReasonLabels[reason]}
              </option>
            ))}
          </select>
          <TextField id="follow-up-due" label={t('clientStory.addFollowUp.due')} type="date" error={errors.due?.message} registration={register('due')} />
          <label htmlFor="follow-up-assignee">{t('clientStory.addFollowUp.whose')}</label>
          <select id="follow-up-assignee" {...register('assignee')}>
            <option value="me">{t('clientStory.addFollowUp.mine')}</option>
            {keyWorkerId !== null && keyWorkerId !== userId && <option value="key_worker">{t('clientStory.addFollowUp.keyWorkers')}</option>}
            <option value="nobody">{t('clientStory.addFollowUp.nobodys')}</option>
          </select>
          <TextField id="follow-up-notes" label={t('clientStory.addFollowUp.note')} hint={t('clientStory.addFollowUp.optional')} autoComplete="off" error={errors.notes?.message} registration={register('notes')} />
          <FormFailure message={failure} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={isSubmitting}>
              {t('clientStory.addFollowUp.save')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('clientStory.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
