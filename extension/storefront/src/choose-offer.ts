import { assignArm } from '../../../core/decide/decide-offers';
import type { ExperimentArm } from '../../../core/offers/published-config';
import type { StorefrontConfig, StorefrontOffer } from '../../../core/storefront/config';

export type OfferChoice = { offer: StorefrontOffer; arm: ExperimentArm };

/**
 * The one offer this page view may show and the visitor's arm in it, decided locally with the
 * same assignment code the server runs. The highest-priority offer placed on this page type and
 * running now wins; a visitor outside its coverage gets nothing (and is not logged).
 */
export function chooseOffer(
  config: StorefrontConfig,
  page: string,
  visitorId: string,
  now: number,
): OfferChoice | null {
  for (const offer of config.offers) {
    if (!(offer.pages as string[]).includes(page)) continue;
    if (offer.startsAt != null && now < offer.startsAt) continue;
    if (offer.endsAt != null && now >= offer.endsAt) continue;
    const arm = assignArm(offer.experiment, visitorId);
    return arm ? { offer, arm } : null;
  }
  return null;
}
