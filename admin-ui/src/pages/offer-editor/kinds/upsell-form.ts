import type { ProductDetail } from '../../../../../core/offers/contract.js';
import { type FieldKey, variantField } from '../form-fields.js';
import type { KindFormModule } from './kind-form.js';
import {
  COPY_FIELDS,
  type CopyForm,
  copyOf,
  type DiscountForm,
  detailsFor,
  discountToForm,
  discountToInput,
  NO_DISCOUNT,
  variantIds,
} from './shared-form.js';

export interface UpsellForm {
  kind: 'upsell';
  variants: CopyForm[];
  /** Cart variants that trigger the offer; the upgrade replaces their line. */
  triggers: ProductDetail[];
  /** The variant offered instead; null until picked. */
  replacement: ProductDetail | null;
  discount: DiscountForm;
}

export const upsellForm: KindFormModule<'upsell', UpsellForm> = {
  empty: () => ({
    kind: 'upsell',
    variants: [{ heading: 'Upgrade your order', body: '', buttonLabel: 'Upgrade' }],
    triggers: [],
    replacement: null,
    discount: NO_DISCOUNT,
  }),
  fromOffer: (offer, currency) => ({
    kind: 'upsell',
    variants: offer.variants.map(copyOf),
    triggers: detailsFor(offer.triggers, offer.productDetails),
    replacement: detailsFor([offer.replacement], offer.productDetails)[0] ?? null,
    discount: discountToForm(offer.discount, currency),
  }),
  toInput: (form, currency) => {
    const { discount, errors } = discountToInput(form.discount, currency);
    return {
      fields: {
        variants: form.variants.map(copyOf),
        triggers: variantIds(form.triggers),
        // Empty, not absent: the contract then says "pick a product variant", not "required".
        replacement: form.replacement?.variantId ?? '',
        discount,
      },
      errors,
    };
  },
  fieldKeys: (form) => [
    'variants',
    'triggers',
    'replacement',
    'discount.value',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      COPY_FIELDS.map((field) => variantField(index, field)),
    ),
  ],
};
