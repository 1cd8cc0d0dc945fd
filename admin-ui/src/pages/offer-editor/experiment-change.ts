import type { Offer } from '../../../../core/offers/contract.js';
import { type OfferForm, percentTextToFraction } from './offer-form.js';

/**
 * What saving the form would do to the offer's experiment. The server starts a new experiment
 * when the split changes — the holdout share or the number of content variants — because units
 * assigned under the old weights cannot be compared with new ones (server/domain/offers.ts).
 */
export interface SplitChange {
  fromHoldout: number;
  toHoldout: number;
  fromVariants: number;
  toVariants: number;
}

/**
 * The split change of an offer that has been shown to shoppers (active or paused), or null: a
 * draft has no results to set aside, and an unchanged split keeps its experiment.
 */
export function splitChangeOf(offer: Offer | null, form: OfferForm): SplitChange | null {
  if (!offer || (offer.status !== 'active' && offer.status !== 'paused')) return null;
  const toHoldout = percentTextToFraction(form.common.holdoutPercent);
  if (toHoldout === null) return null;
  const arms = offer.experiment.arms.filter((arm) => !arm.holdout).length;
  const fromVariants = arms > 0 ? arms : offer.variants.length;
  const toVariants = form.spec.variants.length;
  if (toHoldout === offer.holdout && toVariants === fromVariants) return null;
  return { fromHoldout: offer.holdout, toHoldout, fromVariants, toVariants };
}

/** A 0% holdout leaves nobody to compare with: the offer shows, but nothing can be measured. */
export function measuresNothing(form: OfferForm): boolean {
  return percentTextToFraction(form.common.holdoutPercent) === 0;
}
