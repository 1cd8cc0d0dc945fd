import type { ComponentType } from 'preact';
import type { OfferKind } from '../../../../../core/offers/catalog.js';
import { CrossSellFields } from './CrossSellFields.js';
import { CtaFields } from './CtaFields.js';
import { ExitCouponFields } from './ExitCouponFields.js';
import { HesitationCouponFields } from './HesitationCouponFields.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import type { KindForm, KindFormOf } from './kind-forms.js';
import { NextOrderCouponFields } from './NextOrderCouponFields.js';
import { UpsellFields } from './UpsellFields.js';

/**
 * The registry of kind editors. Adding a kind to the admin UI: its form module (empty, from an
 * offer, to the input) in kind-forms.ts, its section component here; the common cards, saving and
 * validation (the contract's own schema) need nothing new.
 */
export const KIND_SECTIONS: { [K in OfferKind]: ComponentType<KindFieldsProps<KindFormOf<K>>> } = {
  cross_sell: CrossSellFields,
  upsell: UpsellFields,
  cta: CtaFields,
  hesitation_coupon: HesitationCouponFields,
  exit_coupon: ExitCouponFields,
  next_order_coupon: NextOrderCouponFields,
};

/** The section for the form's kind. */
export function KindSection(props: KindFieldsProps<KindForm>) {
  // The registry is keyed by kind, so the section matches the form it is given.
  const Section = KIND_SECTIONS[props.form.kind] as ComponentType<KindFieldsProps<KindForm>>;
  return <Section {...props} />;
}
