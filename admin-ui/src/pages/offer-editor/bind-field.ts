import type { OfferEditorStore } from './offer-editor-store.js';
import type { OfferFormField, OfferFormValues } from './offer-form.js';

type TextFieldName = {
  [K in OfferFormField]: OfferFormValues[K] extends string ? K : never;
}[OfferFormField];

/** Value, error and input handler for one text input, wired to the editor store. */
export function bindField(store: OfferEditorStore, field: Exclude<TextFieldName, 'target'>) {
  return {
    value: store.values.value[field],
    error: store.errors.value[field] ?? null,
    onInput: (value: string) => store.update(field, value),
  };
}
