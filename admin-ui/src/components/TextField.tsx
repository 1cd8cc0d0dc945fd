import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { FieldMessages, fieldDescribedBy } from './FieldMessages.js';
import './controls.css';

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'number' | 'search' | 'datetime-local';
  multiline?: number;
  monospace?: boolean;
  placeholder?: string;
  helpText?: ComponentChildren;
  error?: string | null;
  prefix?: ComponentChildren;
  suffix?: string;
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  required?: boolean;
  /** For fields whose label would only repeat a visible heading. */
  labelHidden?: boolean;
  autoComplete?: string;
  /** The on-screen keyboard to offer, e.g. "decimal" for an amount typed as text. */
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url';
  onFocus?: () => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  'data-testid'?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const { label, value, onInput, error, helpText, multiline, prefix, suffix } = props;
  const inputClass = `Field-input${props.monospace ? ' Field-input--mono' : ''}${
    prefix ? ' Field-input--with-prefix' : ''
  }${suffix ? ' Field-input--with-suffix' : ''}`;
  const shared = {
    id,
    class: inputClass,
    value,
    placeholder: props.placeholder,
    required: props.required,
    maxLength: props.maxLength,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': fieldDescribedBy(id, helpText, error),
    'data-testid': props['data-testid'],
    onFocus: props.onFocus,
    onKeyDown: props.onKeyDown,
    onInput: (event: Event) => {
      const target = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
      onInput(target.value);
    },
  };
  return (
    <div class={error ? 'Field Field--error' : 'Field'}>
      <label for={id} class={props.labelHidden ? 'visually-hidden' : 'Field-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...shared} rows={multiline} spellcheck={!props.monospace} />
      ) : (
        <div class="Field-connected">
          {prefix && <span class="Field-prefix">{prefix}</span>}
          <input
            {...shared}
            type={props.type ?? 'text'}
            min={props.min}
            max={props.max}
            step={props.step}
            autoComplete={props.autoComplete ?? 'off'}
            inputMode={props.inputMode}
          />
          {suffix && <span class="Field-suffix">{suffix}</span>}
        </div>
      )}
      <FieldMessages id={id} helpText={helpText} error={error} />
    </div>
  );
}
