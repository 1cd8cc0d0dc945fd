import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { FieldMessages, fieldDescribedBy } from './FieldMessages.js';
import './controls.css';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectProps<T extends string> {
  label: string;
  options: readonly SelectOption<T>[];
  value: T;
  onChange: (value: T) => void;
  helpText?: ComponentChildren;
  error?: string | null;
  'data-testid'?: string;
}

export function Select<T extends string>(props: SelectProps<T>) {
  const id = useId();
  const { label, options, value, onChange, helpText, error } = props;
  return (
    <div class={error ? 'Field Field--error' : 'Field'}>
      <label for={id} class="Field-label">
        {label}
      </label>
      <select
        id={id}
        class="Field-input"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={fieldDescribedBy(id, helpText, error)}
        data-testid={props['data-testid']}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.currentTarget.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} helpText={helpText} error={error} />
    </div>
  );
}
