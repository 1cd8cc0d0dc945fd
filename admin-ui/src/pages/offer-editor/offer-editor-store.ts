import { computed, signal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Offer } from '../../../../core/offers/contract.js';
import { ApiRequestError, toErrorMessage } from '../../api/api-error.js';
import { showToast } from '../../api/app-bridge.js';
import { type ApiClient, getApiClient } from '../../api/client.js';
import { createOffer, fetchOffer, runOfferAction, updateOffer } from '../../api/endpoints.js';
import { duplicateInput } from '../../state/offer-copy.js';
import { ACTION_DONE } from '../../state/offers-store.js';
import { splitChangeOf } from './experiment-change.js';
import type { FieldErrors, FieldKey } from './form-fields.js';
import type { KindForm } from './kinds/kind-forms.js';
import {
  type CommonField,
  type CommonForm,
  fieldKeysOf,
  type OfferForm,
  offerToForm,
  validateOfferForm,
} from './offer-form.js';
import { fieldForServerMessage } from './server-errors.js';

export type EditorBusy = 'save' | 'activate' | 'reload' | 'pause' | 'archive' | 'duplicate' | null;

/** A save that changes a running offer's split waits for the merchant to confirm it. */
export type AwaitingConfirmation = 'save' | 'activate' | null;

const FIX_FIELDS = 'Fix the highlighted fields to save this offer.';
const STALE_VERSION =
  'This offer was saved somewhere else (another tab or another person) since you opened it. ' +
  'Load the latest version to keep editing; your unsaved changes here will be lost.';
const ARCHIVED_ELSEWHERE =
  'This offer was archived (in another tab or by another person), so it can no longer be ' +
  'edited. Duplicate it to make a new draft from it.';

export interface OfferEditorOptions {
  initial: OfferForm;
  /** The offer being edited; null while creating one. */
  offer: Offer | null;
  currency: string;
  client?: ApiClient;
  /** A new offer exists (saved or activated): the page moves to its URL. */
  onCreated?: (offer: Offer) => void;
  /** The contract refused the form: the page moves focus to the first field at fault. */
  onInvalid?: () => void;
  /** A copy of the offer exists as a draft: the page opens it. */
  onDuplicated?: (copy: Offer) => void;
}

/** One editor's state: what is typed, what was last saved, and what the contract objected to. */
export function createOfferEditorStore(options: OfferEditorOptions) {
  const { initial, offer, currency } = options;
  const client = () => options.client ?? getApiClient();
  const values = signal(initial);
  const savedValues = signal(initial);
  const saved = signal(offer);
  const errors = signal<FieldErrors>({});
  const formError = signal<string | null>(null);
  /** Messages no input owns (e.g. a server refusal), listed in the form's banner. */
  const formDetails = signal<string[]>([]);
  /** The server holds a newer version than this editor started from (409). */
  const conflict = signal(false);
  const busy = signal<EditorBusy>(null);
  /** Anything typed since the last save (or since a new form was opened). */
  const changed = computed(
    () => JSON.stringify(values.value) !== JSON.stringify(savedValues.value),
  );
  /** Something to save: a change, or a new offer that does not exist yet. */
  const dirty = computed(() => saved.value === null || changed.value);
  /** Archived offers are kept for their results; the server refuses edits (409 offer_archived). */
  const readOnly = computed(() => saved.value?.status === 'archived');
  /** Saving now would start a new experiment on an offer shoppers have seen. */
  const splitChange = computed(() => splitChangeOf(saved.value, values.value));
  const awaitingConfirmation = signal<AwaitingConfirmation>(null);

  function clearError(field: FieldKey): void {
    if (errors.value[field] === undefined) return;
    const { [field]: _fixed, ...rest } = errors.value;
    errors.value = rest;
  }

  function updateCommon<K extends CommonField>(field: K, value: CommonForm[K]): void {
    values.value = { ...values.value, common: { ...values.value.common, [field]: value } };
    clearError(field);
  }

  /** The targeting card hands back the condition's JSON and its rules together. */
  function updateTargeting(
    targeting: Pick<CommonForm, 'condition' | 'rules'>,
    field: FieldKey,
  ): void {
    values.value = { ...values.value, common: { ...values.value.common, ...targeting } };
    clearError(field);
    clearError('condition');
  }

  /** The kind's section hands back its whole form and the input that changed. */
  function updateSpec(spec: KindForm, field: FieldKey): void {
    values.value = { ...values.value, spec };
    clearError(field);
    // Adding or removing a variant renumbers the inputs; old messages would land on the wrong one.
    if (field === 'variants') {
      errors.value = Object.fromEntries(
        Object.entries(errors.value).filter(([key]) => !key.startsWith('variants.')),
      );
    }
  }

  /** The form now shows the server's answer, which is what the next save builds on. */
  function accept(next: Offer): void {
    const form = offerToForm(next, currency);
    saved.value = next;
    values.value = form;
    savedValues.value = form;
  }

  function reject(fieldErrors: FieldErrors, details: string[] = []): null {
    errors.value = fieldErrors;
    formError.value = FIX_FIELDS;
    formDetails.value = details;
    options.onInvalid?.();
    return null;
  }

  async function refused(error: unknown): Promise<null> {
    if (error instanceof ApiRequestError && error.code === 'offer_archived') {
      const current = saved.value;
      // Show it as it now is: archived, read-only.
      if (current) await fetchOffer(client(), current.id).then(accept, () => undefined);
      formError.value = ARCHIVED_ELSEWHERE;
      return null;
    }
    if (error instanceof ApiRequestError && error.code === 'version_conflict') {
      conflict.value = true;
      formError.value = STALE_VERSION;
      return null;
    }
    if (error instanceof ApiRequestError && error.status === 400) {
      const { field, message } = fieldForServerMessage(error.message);
      if (field !== null && fieldKeysOf(values.value).has(field)) {
        return reject({ [field]: message });
      }
      return reject({}, [message]);
    }
    formError.value = toErrorMessage(error);
    return null;
  }

  /**
   * Saves the form. A split change on an offer shoppers have seen is only sent once confirmed;
   * until then this answers 'confirm' and the page asks (the form is checked first, so the
   * merchant is not asked about a save that could not happen).
   */
  async function persist(confirmed: boolean): Promise<Offer | null | 'confirm'> {
    const result = validateOfferForm(values.value, currency);
    if (!result.ok) return reject(result.errors, result.unplaced);
    if (!confirmed && splitChange.value) return 'confirm';
    errors.value = {};
    formError.value = null;
    formDetails.value = [];
    const current = saved.value;
    try {
      // An edit sends the whole input with the version it was made on, so a stale tab gets a 409.
      const offer = current
        ? await updateOffer(client(), current.id, { ...result.input, version: current.version })
        : await createOffer(client(), result.input);
      accept(offer);
      return offer;
    } catch (error) {
      return await refused(error);
    }
  }

  /** A new offer gets its own URL once it exists, so a reload keeps editing it. */
  function settle(offer: Offer, wasNew: boolean): void {
    if (wasNew) options.onCreated?.(offer);
  }

  async function save(options: { confirmed?: boolean } = {}): Promise<void> {
    if (busy.value || readOnly.value) return;
    busy.value = 'save';
    const wasNew = saved.value === null;
    const offer = await persist(options.confirmed === true);
    busy.value = null;
    if (offer === 'confirm') {
      awaitingConfirmation.value = 'save';
      return;
    }
    awaitingConfirmation.value = null;
    if (!offer) return;
    showToast(wasNew ? 'Offer created as a draft' : 'Offer saved');
    settle(offer, wasNew);
  }

  /** Activating saves pending edits first: a merchant expects what they see to go live. */
  async function activate(options: { confirmed?: boolean } = {}): Promise<void> {
    if (busy.value || readOnly.value) return;
    busy.value = 'activate';
    const wasNew = saved.value === null;
    const persisted = dirty.value ? await persist(options.confirmed === true) : saved.value;
    if (persisted === 'confirm') {
      busy.value = null;
      awaitingConfirmation.value = 'activate';
      return;
    }
    awaitingConfirmation.value = null;
    let offer = persisted;
    if (offer) {
      try {
        offer = await runOfferAction(client(), offer.id, 'activate');
        accept(offer);
        showToast(ACTION_DONE.activate);
      } catch (error) {
        formError.value = toErrorMessage(error);
        // A new offer's page remounts below, which clears the banner; the toast survives it.
        if (wasNew) showToast(`Saved, but not activated: ${formError.value}`, true);
      }
    }
    busy.value = null;
    if (offer) settle(offer, wasNew);
  }

  /** After a 409: drop this tab's edits and continue from what the server holds now. */
  async function reloadLatest(): Promise<void> {
    const current = saved.value;
    if (busy.value || !current) return;
    busy.value = 'reload';
    try {
      accept(await fetchOffer(client(), current.id));
      conflict.value = false;
      formError.value = null;
      formDetails.value = [];
      errors.value = {};
    } catch (error) {
      formError.value = toErrorMessage(error);
    }
    busy.value = null;
  }

  /** The merchant confirmed the split change: the save (or activation) that asked goes ahead. */
  async function confirmSplitChange(): Promise<void> {
    const waiting = awaitingConfirmation.value;
    if (waiting === 'save') await save({ confirmed: true });
    else if (waiting === 'activate') await activate({ confirmed: true });
  }

  function cancelSplitChange(): void {
    awaitingConfirmation.value = null;
  }

  /**
   * Pauses or archives the saved offer. Only its status changes, so edits not yet saved stay in
   * the form — except when archiving, which makes the offer read-only and drops them.
   */
  async function changeStatus(action: 'pause' | 'archive'): Promise<void> {
    const current = saved.value;
    if (busy.value || !current) return;
    busy.value = action;
    formError.value = null;
    try {
      saved.value = await runOfferAction(client(), current.id, action);
      if (action === 'archive') {
        values.value = savedValues.value;
        errors.value = {};
        formDetails.value = [];
      }
      showToast(ACTION_DONE[action]);
    } catch (error) {
      formError.value = toErrorMessage(error);
    }
    busy.value = null;
  }

  /** A draft copy of the saved offer (its unsaved edits are not copied). */
  async function duplicate(): Promise<Offer | null> {
    const current = saved.value;
    if (busy.value || !current) return null;
    busy.value = 'duplicate';
    formError.value = null;
    let copy: Offer | null = null;
    try {
      copy = await createOffer(client(), duplicateInput(current));
      showToast(`Duplicated as “${copy.name}”`);
    } catch (error) {
      formError.value = toErrorMessage(error);
    }
    busy.value = null;
    if (copy) options.onDuplicated?.(copy);
    return copy;
  }

  return {
    values,
    errors,
    formError,
    formDetails,
    conflict,
    busy,
    changed,
    dirty,
    readOnly,
    splitChange,
    awaitingConfirmation,
    saved,
    updateCommon,
    updateTargeting,
    updateSpec,
    save,
    activate,
    confirmSplitChange,
    cancelSplitChange,
    pause: () => changeStatus('pause'),
    archive: () => changeStatus('archive'),
    duplicate,
    reloadLatest,
  };
}

export type OfferEditorStore = ReturnType<typeof createOfferEditorStore>;

export function useOfferEditorStore(options: OfferEditorOptions) {
  // Created once per mounted editor; the page remounts the editor (by key) for another offer.
  return useMemo(() => createOfferEditorStore(options), []);
}
