import type { Offer } from '../../../core/offers/contract.js';

/** The list shows non-archived offers, as `GET /offers` does, so archiving removes the row. */
export function replaceOfferInList(offers: readonly Offer[], updated: Offer): Offer[] {
  if (updated.status === 'archived') return offers.filter((offer) => offer.id !== updated.id);
  return offers.map((offer) => (offer.id === updated.id ? updated : offer));
}

/** Highest priority first (the order offers render in), then newest. */
export function sortOffers(offers: readonly Offer[]): Offer[] {
  return [...offers].sort((a, b) => b.priority - a.priority || b.createdAt - a.createdAt);
}

/** An offer archived just now leads the archived list (newest archive first). */
export function addToArchived(archived: readonly Offer[], updated: Offer): Offer[] {
  return [updated, ...archived.filter((offer) => offer.id !== updated.id)];
}
