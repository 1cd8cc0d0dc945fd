import {
  type DecideContext,
  decideOffers,
  type OfferDecision,
  type OfferTarget,
  type PublishedConfig,
  type PublishedOffer,
} from '../../../core/decide/index';
import type { OfferKind } from '../../../core/offers/catalog';
import type { PublishedOfferOf } from '../../../core/offers/published-config';

/** The offer a placement shows (or, in the holdout, would have shown). */
export type Placement<O extends PublishedOfferOf<OfferKind> = PublishedOffer> = {
  offer: O;
  decision: OfferDecision & { inExperiment: true };
  /** The experiment unit: the checkout token. */
  unit: string;
};

export type ChooseOptions = {
  /** The merchant's `offer_id` setting: only this offer in this placement. */
  onlyOfferId?: string;
  /** Whether this build has a renderer for a kind (a config may be newer than the bundle). */
  canRender(kind: string): boolean;
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
  options: ChooseOptions,
): Placement | null {
  // Deciding on an offer this extension cannot draw would log exposures for a widget that
  // never showed, so kinds without a renderer (and other placements' offer ids) go first.
  const offers = config.offers.filter(
    (o) => options.canRender(o.kind) && (!options.onlyOfferId || o.id === options.onlyOfferId),
  );
  const scoped = { ...config, offers };
  for (const decision of decideOffers(scoped, context, unitId, { target })) {
    if (!decision.inExperiment) continue;
    const offer = scoped.offers.find((o) => o.id === decision.offerId);
    return offer ? { offer, decision, unit: unitId } : null;
  }
  return null;
}
