import { zodResolver } from '@hookform/resolvers/zod';
import { FormFailure } from '../../../components/form-failure';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginRequestSchema } from '../../../../shared/api/auth';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';
import { fieldError } from '../field-error';

const loginFormSchema = loginRequestSchema.pick({ username: true, password: true, deviceName: true });
type LoginForm = { username: string; password: string; deviceName?: string | undefined };

/** Sign in. Needs signal once; afterwards the device works offline. */
export function LoginScreen() {
  const login = useSessionStore((s) => s.login);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>({ resolver: zodResolver(loginFormSchema) });

  const onSubmit = handleSubmit(async ({ username, password, deviceName }) => {
    setFailure(null);
    try {
      await login(username, password, deviceName);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('session.login.failed'));
    }
  });

  return (
    <main className="login">
      <h1>{t('session.login.heading')}</h1>
      <p className="hint">{t('session.login.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby={failure ? 'login-failure' : undefined}>
        <TextField
          id="username"
          label={t('session.login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError(errors.username, { invalid_format: 'session.login.usernameInvalid' })}
          registration={register('username')}
        />
        <TextField
          id="password"
          label={t('session.login.password')}
          type="password"
          autoComplete="current-password"
          error={fieldError(errors.password, { too_small: 'session.login.passwordRequired' })}
          registration={register('password')}
        />
        <TextField
          id="device-name"
          label={t('session.login.deviceName')}
          hint={t('session.login.deviceNameHint')}
          autoComplete="off"
          error={errors.deviceName?.message}
          registration={register('deviceName')}
        />
        <FormFailure id="login-failure" message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('session.login.signingIn') : t('session.login.signIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
