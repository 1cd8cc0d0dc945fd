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

export interface CrossSellVariantForm extends CopyForm {
  products: ProductDetail[];
}

export interface CrossSellForm {
  kind: 'cross_sell';
  variants: CrossSellVariantForm[];
  discount: DiscountForm;
}

export const crossSellForm: KindFormModule<'cross_sell', CrossSellForm> = {
  empty: () => ({
    kind: 'cross_sell',
    variants: [{ heading: 'You may also like', body: '', buttonLabel: 'Add', products: [] }],
    discount: NO_DISCOUNT,
  }),
  fromOffer: (offer, currency) => ({
    kind: 'cross_sell',
    variants: offer.variants.map((variant) => ({
      ...copyOf(variant),
      products: detailsFor(variant.products, offer.productDetails),
    })),
    discount: discountToForm(offer.discount, currency),
  }),
  toInput: (form, currency) => {
    const { discount, errors } = discountToInput(form.discount, currency);
    return {
      fields: {
        variants: form.variants.map((variant) => ({
          ...copyOf(variant),
          products: variantIds(variant.products),
        })),
        discount,
      },
      errors,
    };
  },
  fieldKeys: (form) => [
    'variants',
    'discount.value',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      [...COPY_FIELDS, 'products'].map((field) => variantField(index, field)),
    ),
  ],
};
