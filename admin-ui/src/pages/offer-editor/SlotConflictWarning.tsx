import { useEffect } from 'preact/hooks';
import { Banner } from '../../components/Banner.js';
import { TARGET_LABELS } from '../../lib/offer-labels.js';
import { competingOffers, listNames } from '../../state/offer-list-view.js';
import { offersStore } from '../../state/offers-store.js';
import type { OfferEditorStore } from './offer-editor-store.js';

/**
 * Other active offers at this offer's placement and priority (as typed): checkout shows one of
 * them per shopper, and which one is not the merchant's choice. Said before it goes live, too.
 */
export function SlotConflictWarning({ store }: { store: OfferEditorStore }) {
  useEffect(() => {
    // Fresh: another tab may have activated an offer since the list was loaded.
    void offersStore.load();
  }, []);
  const list = offersStore.live.value;
  const saved = store.saved.value;
  const { target, priority: priorityText } = store.values.value.common;
  const priority = Number(priorityText);
  if (list.status !== 'ready' || saved?.status === 'archived' || !Number.isInteger(priority)) {
    return null;
  }
  const others = competingOffers({ id: saved?.id ?? null, target, priority }, list.data);
  if (others.length === 0) return null;
  const names = listNames(others.map((offer) => `“${offer.name}”`));
  const live = saved?.status === 'active';
  return (
    <Banner tone="warning" title="Competes for the same slot" data-testid="offer-slot-conflict">
      <p>
        {live ? 'This offer competes' : 'Once active, this offer will compete'} with {names}: active
        at {TARGET_LABELS[target].toLowerCase()} with the same priority ({priority}). A shopper sees
        one offer there, and between equal priorities which one is not up to you. Give one of them a
        higher priority.
      </p>
    </Banner>
  );
}
