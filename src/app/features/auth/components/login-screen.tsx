import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginRequestSchema } from '../../../../shared/api/auth';
import { useSessionStore } from '../../../stores/session-store';

const loginFormSchema = loginRequestSchema.pick({ username: true, password: true });
type LoginForm = { username: string; password: string };

/** Sign in. Needs signal once; afterwards the device works offline. */
export function LoginScreen() {
  const login = useSessionStore((s) => s.login);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>({ resolver: zodResolver(loginFormSchema) });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFailure(null);
    try {
      await login(username, password);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Signing in failed.');
    }
  });

  return (
    <main className="login">
      <h1>Lantern</h1>
      <p className="hint">Sign in with the account your team lead gave you.</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby={failure ? 'login-failure' : undefined}>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? 'username-error' : undefined}
          {...register('username')}
        />
        {errors.username && (
          <p id="username-error" className="field-error">
            {errors.username.message}
          </p>
        )}
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
          {...register('password')}
        />
        {errors.password && (
          <p id="password-error" className="field-error">
            {errors.password.message}
          </p>
        )}
        {failure && (
          <p id="login-failure" role="alert" className="banner error">
            {failure}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  );
}
