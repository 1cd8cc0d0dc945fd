import type { OfferKind } from '../../../../core/offers/catalog';
import { CrossSellOffer } from './CrossSellOffer';
import { CtaBanner } from './CtaBanner';
import { HesitationCoupon } from './HesitationCoupon';
import type { KindRenderer } from './kind-props';
import { UpsellOffer } from './UpsellOffer';

/**
 * Kind → renderer. Adding a kind to the extension is its renderer file and one line here; a kind
 * without a line is never decided on, so it logs no exposure for a widget that cannot show.
 */
export const RENDERERS: { readonly [K in OfferKind]?: KindRenderer<K> } = {
  cross_sell: CrossSellOffer,
  upsell: UpsellOffer,
  cta: CtaBanner,
  hesitation_coupon: HesitationCoupon,
};

export function canRender(kind: string): boolean {
  return Object.hasOwn(RENDERERS, kind);
}
