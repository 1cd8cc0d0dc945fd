import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Offer, OfferAction } from '../../../core/offers/contract.js';
import { toErrorMessage } from '../api/api-error.js';
import { showToast } from '../api/app-bridge.js';
import { type ApiClient, getApiClient } from '../api/client.js';
import { createOffer, fetchOffers, runOfferAction } from '../api/endpoints.js';
import { duplicateInput } from './offer-copy.js';
import { addToArchived, replaceOfferInList, sortOffers } from './offer-list-update.js';
import type { Resource } from './resource.js';

export const ACTION_DONE: Record<OfferAction, string> = {
  activate: 'Offer activated',
  pause: 'Offer paused',
  archive: 'Offer archived',
};

/** What a row is doing: one of the status actions, or being copied. */
export type RowAction = OfferAction | 'duplicate';

/**
 * The offers list's data. `GET /offers` leaves archived offers out; they load on their own the
 * first time the Archived tab is opened (`?status=archived`), so a long archive never slows the
 * list down.
 */
export function createOffersStore(client: () => ApiClient = getApiClient) {
  const live = signal<Resource<Offer[]>>({ status: 'loading' });
  const archived = signal<Resource<Offer[]> | null>(null);
  /** Which offer has an action in flight, so only its buttons show a spinner. */
  const pending = signal<ReadonlyMap<string, RowAction>>(new Map());
  const actionError = signal<string | null>(null);

  async function load(): Promise<void> {
    // A refresh keeps the rows on screen instead of flashing a spinner.
    if (live.peek().status !== 'ready') live.value = { status: 'loading' };
    try {
      live.value = { status: 'ready', data: sortOffers(await fetchOffers(client())) };
    } catch (error) {
      live.value = { status: 'error', message: toErrorMessage(error) };
    }
  }

  async function loadArchived(): Promise<void> {
    if (archived.peek()?.status !== 'ready') archived.value = { status: 'loading' };
    try {
      archived.value = { status: 'ready', data: await fetchOffers(client(), 'archived') };
    } catch (error) {
      archived.value = { status: 'error', message: toErrorMessage(error) };
    }
  }

  function setPending(id: string, action: RowAction | null): void {
    const next = new Map(pending.peek());
    if (action) next.set(id, action);
    else next.delete(id);
    pending.value = next;
  }

  /** The offer as the server now holds it: moved to its tab (an archived one to Archived). */
  function place(updated: Offer): void {
    const current = live.peek();
    if (current.status === 'ready') {
      const kept = current.data.some((offer) => offer.id === updated.id)
        ? replaceOfferInList(current.data, updated)
        : sortOffers([...current.data, updated].filter((offer) => offer.status !== 'archived'));
      live.value = { status: 'ready', data: kept };
    }
    const old = archived.peek();
    if (updated.status === 'archived' && old?.status === 'ready') {
      archived.value = { status: 'ready', data: addToArchived(old.data, updated) };
    }
  }

  async function applyAction(id: string, action: OfferAction): Promise<Offer | null> {
    setPending(id, action);
    actionError.value = null;
    try {
      const updated = await runOfferAction(client(), id, action);
      place(updated);
      showToast(ACTION_DONE[action]);
      return updated;
    } catch (error) {
      actionError.value = toErrorMessage(error);
      return null;
    } finally {
      setPending(id, null);
    }
  }

  /** A draft copy of the offer (archived ones too); its results stay with the original. */
  async function duplicate(offer: Offer): Promise<Offer | null> {
    setPending(offer.id, 'duplicate');
    actionError.value = null;
    try {
      const copy = await createOffer(client(), duplicateInput(offer));
      place(copy);
      showToast(`Duplicated as “${copy.name}”`);
      return copy;
    } catch (error) {
      actionError.value = toErrorMessage(error);
      return null;
    } finally {
      setPending(offer.id, null);
    }
  }

  return {
    live,
    archived,
    pending,
    actionError,
    load,
    loadArchived,
    applyAction,
    duplicate,
    dismissActionError: () => {
      actionError.value = null;
    },
  };
}

export type OffersStore = ReturnType<typeof createOffersStore>;

/** The store the pages share: the list, and the editor's check for competing offers. */
export const offersStore = createOffersStore();

export function useOffers() {
  useEffect(() => {
    void offersStore.load();
    // An offer may have been archived on its own page since the archive was last read.
    if (offersStore.archived.peek() !== null) void offersStore.loadArchived();
  }, []);
  return {
    state: offersStore.live.value,
    archived: offersStore.archived.value,
    pending: offersStore.pending.value,
    actionError: offersStore.actionError.value,
  };
}
