import type { Placement } from './choose-offer';

/**
 * Once the buyer acted on an offer, the slot belongs to it: when decide drops that offer (its
 * last product is in the cart, the upsell's trigger line was replaced), the slot shows the
 * confirmation alone instead of falling through to the next offer, which would both hide the
 * confirmation and log an exposure for a widget the buyer was never really shown.
 */
export function stickToOffer(
  chosen: Placement | null,
  actedOnOfferId: string | undefined,
): Placement | null {
  if (!chosen || actedOnOfferId === undefined) return chosen;
  return chosen.offer.id === actedOnOfferId ? chosen : null;
}
