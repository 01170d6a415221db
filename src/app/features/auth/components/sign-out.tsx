import { lazy, Suspense, useState } from 'react';
import { t } from '../../../i18n/i18n';

/** What signing out asks and does loads when it is pressed (it is precached, so offline too). */
const SignOutFlow = lazy(() => import('./sign-out-flow').then((m) => ({ default: m.SignOutFlow })));

/** The header's sign-out button; the flow behind it is sign-out-flow.tsx. */
export function SignOutButton() {
  const [open, setOpen] = useState(false);
  const button = (disabled: boolean) => (
    <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
      {t('session.signOut.signOut')}
    </button>
  );
  if (!open) return button(false);
  return (
    <Suspense fallback={button(true)}>
      <SignOutFlow onDone={() => setOpen(false)} />
    </Suspense>
  );
}
