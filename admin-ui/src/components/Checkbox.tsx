import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import './controls.css';

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  helpText?: ComponentChildren;
  'data-testid'?: string;
}

/** A native checkbox in Polaris colours: the browser keeps keyboard and screen-reader behaviour. */
export function Checkbox({ label, checked, onChange, disabled, helpText, ...rest }: CheckboxProps) {
  const id = useId();
  return (
    <div class="Checkbox">
      <input
        id={id}
        type="checkbox"
        class="Checkbox-input"
        checked={checked}
        disabled={disabled}
        aria-describedby={helpText ? `${id}-help` : undefined}
        data-testid={rest['data-testid']}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id} class="Checkbox-label">
        {label}
      </label>
      {helpText && (
        <p id={`${id}-help`} class="Checkbox-help">
          {helpText}
        </p>
      )}
    </div>
  );
}
