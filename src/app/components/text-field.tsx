import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly id: string;
  readonly label: string;
  /** Shown after the label, in a lighter style: "(optional)". */
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly registration: UseFormRegisterReturn;
}

/**
 * A labelled input with its error: the label names the control for screen readers and
 * tests; the error is linked with aria-describedby and marks the input invalid.
 */
export function TextField({ id, label, hint, error, registration, ...inputProps }: TextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <>
      <label htmlFor={id}>
        {label} {hint && <span className="hint">{hint}</span>}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...inputProps}
        {...registration}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
