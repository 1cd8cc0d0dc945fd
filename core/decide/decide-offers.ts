import type {
  ExperimentArm,
  OfferProduct,
  OfferTarget,
  PublishedConfig,
  PublishedExperiment,
  PublishedOffer,
} from '../offers/published-config';
import { chooseVariation, getBucketRanges } from './buckets';
import { evaluateCondition } from './condition';
import { type DecideContext, toConditionAttributes } from './context';
import { hash } from './hash';

type DecisionBase = {
  offerId: string;
  experimentKey: string;
  /** Eligible products (not in the cart, available); empty for offers without products. */
  products: OfferProduct[];
};

/**
 * One eligible offer for one unit. Narrow on `inExperiment`:
 * - not in the experiment (outside coverage): render nothing, log nothing;
 * - holdout arm: render nothing, but log an exposure — that is the control group;
 * - any other arm: render `offer.variants[arm]` and log an exposure.
 */
export type OfferDecision =
  | (DecisionBase & { inExperiment: false; arm: null; holdout: false })
  | (DecisionBase & { inExperiment: true; arm: string; holdout: boolean });

export type DecideOptions = {
  /** Only offers placed at this target. */
  target?: OfferTarget;
};

/**
 * Decides which offers a unit (checkout token or visitor id) is eligible for and which arm
 * it gets in each, highest priority first (ties keep config order). Pure and deterministic:
 * the extension and the server compute the same answer from the same config and context.
 */
export function decideOffers(
  config: PublishedConfig,
  context: DecideContext,
  unitId: string,
  options: DecideOptions = {},
): OfferDecision[] {
  const attributes = toConditionAttributes(context);
  const cartVariantIds = new Set(attributes.cartVariantIds);
  const decisions: { priority: number; decision: OfferDecision }[] = [];

  for (const offer of config.offers) {
    if (options.target && offer.target !== options.target) continue;
    if (!isScheduled(offer, context.now)) continue;
    if (!evaluateCondition(offer.condition, attributes)) continue;

    // An upsell needs its trigger line in the cart: that is the line it would replace.
    if (offer.requiresInCart && !offer.requiresInCart.some((id) => cartVariantIds.has(id)))
      continue;
    // Variant-level, not product-level: an upsell offers another variant of a product
    // that is already in the cart.
    const products = offer.products.filter((p) => p.available && !cartVariantIds.has(p.variantId));
    // An offer that sells products but has none left would render an empty widget. The same
    // rule holds for every arm, so the holdout is exposed exactly when a treatment would be.
    if (offer.products.length > 0 && products.length === 0) continue;
    if (offer.experiment.arms.length === 0) continue;

    const base = { offerId: offer.id, experimentKey: offer.experiment.key, products };
    const arm = assignArm(offer.experiment, unitId);
    const decision: OfferDecision = arm
      ? { ...base, inExperiment: true, arm: arm.key, holdout: arm.holdout }
      : { ...base, inExperiment: false, arm: null, holdout: false };
    decisions.push({ priority: offer.priority, decision });
  }

  // Array.prototype.sort is stable, so equal priorities keep their config order.
  return decisions.sort((a, b) => b.priority - a.priority).map((d) => d.decision);
}

/** Whether the caller should show the widget for this decision. */
export function shouldRender(decision: OfferDecision): boolean {
  return decision.inExperiment && !decision.holdout;
}

/** Whether the caller should log an exposure (holdout included, outside coverage not). */
export function shouldLogExposure(decision: OfferDecision): boolean {
  return decision.inExperiment;
}

function isScheduled(offer: PublishedOffer, now: number): boolean {
  if (offer.startsAt != null && now < offer.startsAt) return false;
  if (offer.endsAt != null && now >= offer.endsAt) return false;
  return true;
}

/** The arm a unit gets in an experiment, or null outside coverage. The server re-checks clients with it. */
export function assignArm(experiment: PublishedExperiment, unitId: string): ExperimentArm | null {
  // Every empty id would hash to the same bucket and pile into one arm.
  if (!unitId) return null;
  // GrowthBook falls back to the experiment key when no seed is set; so do we.
  const n = hash(experiment.seed || experiment.key, unitId, 2);
  if (n === null) return null;
  const arms = experiment.arms;
  const ranges = getBucketRanges(
    arms.length,
    experiment.coverage,
    arms.map((a) => a.weight),
  );
  return arms[chooseVariation(n, ranges)] ?? null;
}
