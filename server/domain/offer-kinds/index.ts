import type { OfferKind } from '../../../core/offers/catalog.js';
import { crossSell } from './cross-sell.js';
import { cta } from './cta.js';
import { exitCoupon } from './exit-coupon.js';
import { hesitationCoupon } from './hesitation-coupon.js';
import { nextOrderCoupon } from './next-order-coupon.js';
import type { OfferKindModule } from './offer-kind.js';
import { upsell } from './upsell.js';

export type { CompiledKind, OfferKindModule, OfferSpec, OfferSpecOf } from './offer-kind.js';

/** The registry: one module per kind. A kind missing here fails the typecheck. */
const KINDS: { [K in OfferKind]: OfferKindModule<K> } = {
  cross_sell: crossSell,
  upsell,
  cta,
  hesitation_coupon: hesitationCoupon,
  exit_coupon: exitCoupon,
  next_order_coupon: nextOrderCoupon,
};

export function kindModule<K extends OfferKind>(kind: K): OfferKindModule<K> {
  return KINDS[kind];
}
