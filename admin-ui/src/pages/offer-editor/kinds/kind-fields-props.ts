import type { FieldErrors, FieldKey } from '../form-fields.js';

/** What the editor hands each kind's section: its form, the errors, and where edits go. */
export interface KindFieldsProps<F> {
  form: F;
  errors: FieldErrors;
  /** The shop's currency, for prices and fixed discounts. */
  currency: string;
  /** The whole kind form after an edit, and the key of the input that changed. */
  onChange: (next: F, field: FieldKey) => void;
}
