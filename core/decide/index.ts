// Public surface of decide, shared by the checkout extension and the server.
// Named re-exports only, so bundlers can drop what a caller does not use.

export type {
  ExperimentArm,
  Money,
  OfferKind,
  OfferProduct,
  OfferTarget,
  PublishedConfig,
  PublishedExperiment,
  PublishedOffer,
} from '../offers/published-config';
export { type BucketRange, chooseVariation, getBucketRanges } from './buckets';
export { type Condition, evaluateCondition } from './condition';
export {
  type CartLine,
  type ConditionAttributes,
  type DecideContext,
  toConditionAttributes,
} from './context';
export {
  assignArm,
  type DecideOptions,
  decideOffers,
  type OfferDecision,
  shouldLogExposure,
  shouldRender,
} from './decide-offers';
export { hash, hashFnv1a32 } from './hash';
