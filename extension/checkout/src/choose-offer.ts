import {
  type DecideContext,
  decideOffers,
  type OfferDecision,
  type OfferTarget,
  type PublishedConfig,
  type PublishedOffer,
} from '../../../core/decide/index';

/** The offer a placement shows (or, in the holdout, would have shown). */
export type Placement = {
  offer: PublishedOffer;
  decision: OfferDecision & { inExperiment: true };
  /** The experiment unit: the checkout token. */
  unit: string;
};

/**
 * Picks the one offer this placement is about. Offers the unit is outside the coverage of are
 * skipped (for that unit the offer does not exist), but a holdout assignment is final: the slot
 * stays empty rather than falling through to another offer, so the control group really sees
 * nothing where the treatment group sees the offer.
 */
export function chooseOffer(
  config: PublishedConfig,
  context: DecideContext,
  unitId: string,
  target: OfferTarget,
  onlyOfferId = '',
): Placement | null {
  // Deciding on an offer this extension cannot draw would log exposures for a widget that
  // never showed, so other kinds (and other placements' offer ids) are dropped first.
  const offers = config.offers.filter(
    (o) => o.kind === 'cross_sell' && (!onlyOfferId || o.id === onlyOfferId),
  );
  const scoped = { ...config, offers };
  for (const decision of decideOffers(scoped, context, unitId, { target })) {
    if (!decision.inExperiment) continue;
    const offer = scoped.offers.find((o) => o.id === decision.offerId);
    return offer ? { offer, decision, unit: unitId } : null;
  }
  return null;
}
