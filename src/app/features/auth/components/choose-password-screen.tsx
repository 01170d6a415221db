import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../../shared/domain/people';
import { FormFailure } from '../../../components/form-failure';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';
import { fieldError } from '../field-error';

const choosePasswordSchema = z
  .object({ newPassword: passwordSchema, repeat: z.string() })
  .refine((form) => form.newPassword === form.repeat, { error: () => t('session.choosePassword.mismatch'), path: ['repeat'] });
type ChoosePasswordForm = z.infer<typeof choosePasswordSchema>;

/**
 * First sign-in with the temporary password a team lead gave: the person chooses their own
 * before anything is kept on the device (the device key is made from it).
 */
export function ChoosePasswordScreen() {
  const choosePassword = useSessionStore((s) => s.choosePassword);
  const cancel = useSessionStore((s) => s.cancelSignIn);
  const username = useSessionStore((s) => s.lockedUsername);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ChoosePasswordForm>({ resolver: zodResolver(choosePasswordSchema) });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setFailure(null);
    try {
      await choosePassword(newPassword);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('session.common.tryAgain'));
    }
  });

  return (
    <main className="login">
      <h1>{t('session.choosePassword.heading')}</h1>
      <p className="hint">{username ? t('session.choosePassword.introNamed', { username }) : t('session.choosePassword.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          id="new-password"
          label={t('session.choosePassword.newPassword')}
          type="password"
          autoComplete="new-password"
          error={fieldError(errors.newPassword, { too_small: 'session.choosePassword.tooShort' })}
          registration={register('newPassword')}
        />
        <TextField
          id="repeat-password"
          label={t('session.choosePassword.repeat')}
          type="password"
          autoComplete="new-password"
          error={errors.repeat?.message}
          registration={register('repeat')}
        />
        <FormFailure message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('session.choosePassword.saving') : t('session.choosePassword.save')}
          </button>
          <button type="button" onClick={() => void cancel()}>
            {t('session.common.cancel')}
          </button>
        </div>
      </form>
    </main>
  );
}
