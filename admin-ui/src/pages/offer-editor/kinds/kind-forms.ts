import type { OfferKind } from '../../../../../core/offers/catalog.js';
import { type CrossSellForm, crossSellForm } from './cross-sell-form.js';
import { type CtaForm, ctaForm } from './cta-form.js';
import { type ExitCouponForm, exitCouponForm } from './exit-coupon-form.js';
import { type HesitationCouponForm, hesitationCouponForm } from './hesitation-coupon-form.js';
import type { KindFormModule } from './kind-form.js';
import { type NextOrderCouponForm, nextOrderCouponForm } from './next-order-coupon-form.js';
import { type UpsellForm, upsellForm } from './upsell-form.js';

/** The editor's form of each kind's own fields; adding a kind adds its form here. */
export type KindForm =
  | CrossSellForm
  | UpsellForm
  | CtaForm
  | HesitationCouponForm
  | ExitCouponForm
  | NextOrderCouponForm;
export type KindFormOf<K extends OfferKind> = Extract<KindForm, { kind: K }>;

export const KIND_FORMS: { [K in OfferKind]: KindFormModule<K, KindFormOf<K>> } = {
  cross_sell: crossSellForm,
  upsell: upsellForm,
  cta: ctaForm,
  hesitation_coupon: hesitationCouponForm,
  exit_coupon: exitCouponForm,
  next_order_coupon: nextOrderCouponForm,
};

/** The module for a form's kind, typed for that form (TypeScript cannot correlate the two alone). */
export function kindFormOf<F extends KindForm>(form: F): KindFormModule<F['kind'], F> {
  return KIND_FORMS[form.kind] as unknown as KindFormModule<F['kind'], F>;
}
