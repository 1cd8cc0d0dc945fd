import { LIMITS } from '../../../../../core/offers/catalog.js';
import { type FieldErrors, type FieldKey, variantField } from '../form-fields.js';
import type { KindFormModule } from './kind-form.js';
import { type DiscountForm, discountToForm, discountToInput } from './shared-form.js';

/** A next-order coupon's copy: no button label (the block's copy button is labelled by Closer). */
export interface NextOrderCopyForm {
  heading: string;
  body: string;
}

export interface NextOrderCouponForm {
  kind: 'next_order_coupon';
  variants: NextOrderCopyForm[];
  /** Never `none`: a coupon without a discount offers nothing. */
  discount: DiscountForm;
  /** Whole days, as typed. */
  codeExpiryDays: string;
  outcomeWindowDays: string;
}

const COPY = ['heading', 'body'] as const;

/** Whole days as the contract takes them; its limits and messages stay the contract's. */
function daysToInput(
  text: string,
  field: 'codeExpiryDays' | 'outcomeWindowDays',
): { value: unknown; errors: FieldErrors } {
  const trimmed = text.trim().replace(/\s*days?$/, '');
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(value)
    ? { value, errors: {} }
    : { value: undefined, errors: { [field]: 'Enter a number of days, such as 30.' } };
}

const copyOf = (v: NextOrderCopyForm): NextOrderCopyForm => ({ heading: v.heading, body: v.body });

export const nextOrderCouponForm: KindFormModule<'next_order_coupon', NextOrderCouponForm> = {
  empty: () => ({
    kind: 'next_order_coupon',
    variants: [
      {
        heading: 'Thanks! Here is 10% off your next order',
        body: 'Your own code, ready for whenever you come back.',
      },
    ],
    discount: { type: 'percentage', value: '10' },
    codeExpiryDays: String(LIMITS.nextOrderExpiryDaysDefault),
    outcomeWindowDays: String(LIMITS.outcomeWindowDaysDefault),
  }),
  fromOffer: (offer, currency) => ({
    kind: 'next_order_coupon',
    variants: offer.variants.map(copyOf),
    discount: discountToForm(offer.discount, currency),
    codeExpiryDays: String(offer.codeExpiryDays),
    outcomeWindowDays: String(offer.outcomeWindowDays),
  }),
  toInput: (form, currency) => {
    const discount = discountToInput(form.discount, currency);
    const expiry = daysToInput(form.codeExpiryDays, 'codeExpiryDays');
    const window = daysToInput(form.outcomeWindowDays, 'outcomeWindowDays');
    return {
      fields: {
        variants: form.variants.map(copyOf),
        discount: discount.discount,
        codeExpiryDays: expiry.value,
        outcomeWindowDays: window.value,
      },
      errors: { ...discount.errors, ...expiry.errors, ...window.errors },
    };
  },
  fieldKeys: (form) => [
    'variants',
    'discount.value',
    'codeExpiryDays',
    'outcomeWindowDays',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      COPY.map((field) => variantField(index, field)),
    ),
  ],
};
