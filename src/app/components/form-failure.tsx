/** Why a form could not be submitted, announced to screen readers; nothing when all is well. */
export function FormFailure({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="banner error">
      {message}
    </p>
  );
}
