import { zodResolver } from '@hookform/resolvers/zod';
import { FormFailure } from '../../../components/form-failure';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginRequestSchema } from '../../../../shared/api/auth';
import { TextField } from '../../../components/text-field';
import { useSessionStore } from '../../../stores/session-store';

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
      setFailure(error instanceof Error ? error.message : 'Signing in failed.');
    }
  });

  return (
    <main className="login">
      <h1>Lantern</h1>
      <p className="hint">Sign in with the account your team lead gave you.</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby={failure ? 'login-failure' : undefined}>
        <TextField
          id="username"
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username?.message}
          registration={register('username')}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register('password')}
        />
        <TextField
          id="device-name"
          label="Name this phone"
          hint="(optional, e.g. “Team phone 2”: your team lead sees it)"
          autoComplete="off"
          error={errors.deviceName?.message}
          registration={register('deviceName')}
        />
        <FormFailure id="login-failure" message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  );
}
