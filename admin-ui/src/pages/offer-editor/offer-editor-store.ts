import { computed, signal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { ApiRequestError, toErrorMessage } from '../../api/api-error.js';
import { showToast } from '../../api/app-bridge.js';
import { getApiClient } from '../../api/client.js';
import { createOffer, runOfferAction, updateOffer } from '../../api/endpoints.js';
import type { Offer } from '../../api/types.js';
import { navigate } from '../../router/router-store.js';
import {
  type FieldErrors,
  type OfferFormField,
  type OfferFormValues,
  validateOfferForm,
} from './offer-form.js';
import { handOffOffer } from './offer-handoff.js';
import { fieldForServerMessage } from './server-errors.js';

export type EditorBusy = 'save' | 'activate' | null;

/** One editor's state: what is typed, what was last saved, and what the server objected to. */
export function createOfferEditorStore(initial: OfferFormValues, offer: Offer | null) {
  const values = signal(initial);
  const savedValues = signal(initial);
  const saved = signal(offer);
  const errors = signal<FieldErrors>({});
  const formError = signal<string | null>(null);
  const busy = signal<EditorBusy>(null);
  const dirty = computed(
    () =>
      saved.value === null || JSON.stringify(values.value) !== JSON.stringify(savedValues.value),
  );

  function update<K extends OfferFormField>(field: K, value: OfferFormValues[K]): void {
    values.value = { ...values.value, [field]: value };
    if (errors.value[field]) {
      const { [field]: _fixed, ...rest } = errors.value;
      errors.value = rest;
    }
  }

  function reject(fieldErrors: FieldErrors, message: string): null {
    errors.value = fieldErrors;
    formError.value = message;
    // Move focus to the first field at fault so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
    return null;
  }

  async function persist(): Promise<Offer | null> {
    const result = validateOfferForm(values.value);
    if (!result.ok) return reject(result.errors, 'Fix the highlighted fields to save this offer.');
    errors.value = {};
    formError.value = null;
    const client = getApiClient();
    const current = saved.value;
    try {
      const offer = current
        ? await updateOffer(client, current.id, result.input)
        : await createOffer(client, result.input);
      saved.value = offer;
      savedValues.value = values.value;
      return offer;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 400) {
        const { field, message } = fieldForServerMessage(error.message);
        if (field) {
          return reject({ [field]: message }, 'Fix the highlighted field to save this offer.');
        }
      }
      formError.value = toErrorMessage(error);
      return null;
    }
  }

  /** A new offer gets its own URL once it exists, so a reload keeps editing it. */
  function settle(offer: Offer, wasNew: boolean): void {
    if (!wasNew) return;
    handOffOffer(offer);
    navigate({ name: 'offer-edit', id: offer.id }, { replace: true });
  }

  async function save(): Promise<void> {
    if (busy.value) return;
    busy.value = 'save';
    const wasNew = saved.value === null;
    const offer = await persist();
    busy.value = null;
    if (!offer) return;
    showToast('Offer saved');
    settle(offer, wasNew);
  }

  /** Activating saves pending edits first: a merchant expects what they see to go live. */
  async function activate(): Promise<void> {
    if (busy.value) return;
    busy.value = 'activate';
    const wasNew = saved.value === null;
    let offer = dirty.value ? await persist() : saved.value;
    if (offer) {
      try {
        offer = await runOfferAction(getApiClient(), offer.id, 'activate');
        saved.value = offer;
        showToast('Offer activated');
      } catch (error) {
        formError.value = toErrorMessage(error);
        // A new offer's page remounts below, which clears the banner; the toast survives it.
        if (wasNew) showToast(`Saved, but not activated: ${formError.value}`, true);
      }
    }
    busy.value = null;
    if (offer) settle(offer, wasNew);
  }

  return { values, errors, formError, busy, dirty, saved, update, save, activate };
}

export type OfferEditorStore = ReturnType<typeof createOfferEditorStore>;

export function useOfferEditorStore(initial: OfferFormValues, offer: Offer | null) {
  // Created once per mounted editor; the page remounts the editor (by key) for another offer.
  return useMemo(() => createOfferEditorStore(initial, offer), []);
}
