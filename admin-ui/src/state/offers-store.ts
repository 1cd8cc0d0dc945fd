import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Offer, OfferAction } from '../../../core/offers/contract.js';
import { toErrorMessage } from '../api/api-error.js';
import { showToast } from '../api/app-bridge.js';
import { getApiClient } from '../api/client.js';
import { fetchOffers, runOfferAction } from '../api/endpoints.js';
import { replaceOfferInList, sortOffers } from './offer-list-update.js';
import type { Resource } from './resource.js';

const offersState = signal<Resource<Offer[]>>({ status: 'loading' });
/** Which offer has an action in flight, so only its buttons show a spinner. */
const pendingActions = signal<ReadonlyMap<string, OfferAction>>(new Map());
const actionError = signal<string | null>(null);

export async function loadOffers(): Promise<void> {
  // A refresh keeps the rows on screen instead of flashing a spinner.
  if (offersState.peek().status !== 'ready') offersState.value = { status: 'loading' };
  try {
    offersState.value = { status: 'ready', data: sortOffers(await fetchOffers(getApiClient())) };
  } catch (error) {
    offersState.value = { status: 'error', message: toErrorMessage(error) };
  }
}

const ACTION_DONE: Record<OfferAction, string> = {
  activate: 'Offer activated',
  pause: 'Offer paused',
  archive: 'Offer archived',
};

export async function applyOfferAction(id: string, action: OfferAction): Promise<void> {
  pendingActions.value = new Map(pendingActions.peek()).set(id, action);
  actionError.value = null;
  try {
    const updated = await runOfferAction(getApiClient(), id, action);
    const current = offersState.peek();
    if (current.status === 'ready') {
      offersState.value = { status: 'ready', data: replaceOfferInList(current.data, updated) };
    }
    showToast(ACTION_DONE[action]);
  } catch (error) {
    actionError.value = toErrorMessage(error);
  } finally {
    const next = new Map(pendingActions.peek());
    next.delete(id);
    pendingActions.value = next;
  }
}

export function dismissActionError(): void {
  actionError.value = null;
}

export function useOffers() {
  useEffect(() => {
    void loadOffers();
  }, []);
  return {
    state: offersState.value,
    pending: pendingActions.value,
    actionError: actionError.value,
  };
}
