import type { OfferEditorStore } from './offer-editor-store.js';
import type { CommonField } from './offer-form.js';

type TextField = Exclude<CommonField, 'target' | 'rules'>;

/** Value, error and input handler for one common text input, wired to the editor store. */
export function bindField(store: OfferEditorStore, field: TextField) {
  return {
    value: store.values.value.common[field],
    error: store.errors.value[field] ?? null,
    onInput: (value: string) => store.updateCommon(field, value),
  };
}
