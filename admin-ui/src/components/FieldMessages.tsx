import type { ComponentChildren } from 'preact';
import { AlertIcon } from './icons.js';

/** Help and error text linked to their input by aria-describedby, so screen readers read them. */
export function fieldDescribedBy(
  id: string,
  helpText: ComponentChildren,
  error: string | null | undefined,
): string | undefined {
  const ids = [helpText ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({
  id,
  helpText,
  error,
}: {
  id: string;
  helpText: ComponentChildren;
  error: string | null | undefined;
}) {
  return (
    <>
      {error && (
        <p id={`${id}-error`} class="Field-error" data-testid="field-error">
          <AlertIcon />
          {error}
        </p>
      )}
      {helpText && (
        <p id={`${id}-help`} class="Field-help">
          {helpText}
        </p>
      )}
    </>
  );
}
