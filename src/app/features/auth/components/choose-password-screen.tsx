import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../../shared/domain/people';
import { FormFailure } from '../../../components/form-failure';
import { TextField } from '../../../components/text-field';
import { useSessionStore } from '../../../stores/session-store';

const choosePasswordSchema = z
  .object({ newPassword: passwordSchema, repeat: z.string() })
  .refine((form) => form.newPassword === form.repeat, { message: 'The two passwords are not the same.', path: ['repeat'] });
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
      setFailure(error instanceof Error ? error.message : 'That did not work. Try again.');
    }
  });

  return (
    <main className="login">
      <h1>Choose your password</h1>
      <p className="hint">
        {username ? `${username}, you` : 'You'} signed in with a temporary password. Choose your own: at least 10 characters, that
        nobody else knows. It also unlocks this phone, so you can work offline.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          error={errors.newPassword?.message}
          registration={register('newPassword')}
        />
        <TextField
          id="repeat-password"
          label="New password again"
          type="password"
          autoComplete="new-password"
          error={errors.repeat?.message}
          registration={register('repeat')}
        />
        <FormFailure message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save and continue'}
          </button>
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
