import type { Offer } from '../../../../core/offers/contract.js';

/**
 * After "create", the editor moves to the new offer's URL and remounts; handing the saved offer
 * across saves a round trip and keeps the page from flashing a spinner.
 */
let handedOff: Offer | null = null;

export function handOffOffer(offer: Offer): void {
  handedOff = offer;
}

export function takeHandedOffOffer(id: string): Offer | null {
  if (handedOff?.id !== id) return null;
  const offer = handedOff;
  handedOff = null;
  return offer;
}
