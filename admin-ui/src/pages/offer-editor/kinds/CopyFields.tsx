import { LIMITS } from '../../../../../core/offers/catalog.js';
import { TextField } from '../../../components/TextField.js';
import { type FieldErrors, variantField } from '../form-fields.js';
import type { CopyForm } from './shared-form.js';

interface CopyFieldsProps {
  copy: Pick<CopyForm, 'heading' | 'body'> & { buttonLabel?: string };
  index: number;
  errors: FieldErrors;
  onChange: (field: keyof CopyForm, value: string) => void;
}

function count(text: string, max: number): string {
  return `${text.trim().length} of ${max} characters.`;
}

/** Heading, body and (for product offers) the button label of one content variant. */
export function CopyFields({ copy, index, errors, onChange }: CopyFieldsProps) {
  const error = (field: string) => errors[variantField(index, field)] ?? null;
  return (
    <>
      <TextField
        label="Heading"
        value={copy.heading}
        onInput={(value) => onChange('heading', value)}
        error={error('heading')}
        helpText={count(copy.heading, LIMITS.heading)}
        data-testid="offer-heading-input"
      />
      <TextField
        label="Body"
        value={copy.body}
        onInput={(value) => onChange('body', value)}
        error={error('body')}
        multiline={3}
        helpText={`Optional. One short sentence works best in checkout. ${count(copy.body, LIMITS.body)}`}
        data-testid="offer-body-input"
      />
      {copy.buttonLabel !== undefined && (
        <TextField
          label="Button label"
          value={copy.buttonLabel}
          onInput={(value) => onChange('buttonLabel', value)}
          error={error('buttonLabel')}
          helpText={count(copy.buttonLabel, LIMITS.buttonLabel)}
          data-testid="offer-button-label-input"
        />
      )}
    </>
  );
}
