import { LIMITS } from '../../../../../core/offers/catalog.js';
import { parseMoneyInput, toMoneyInput } from '../../../lib/money.js';
import { type FieldErrors, type FieldKey, variantField } from '../form-fields.js';
import type { KindFormModule } from './kind-form.js';
import {
  COPY_FIELDS,
  type CopyForm,
  copyOf,
  type DiscountForm,
  discountToForm,
  discountToInput,
} from './shared-form.js';

export interface HesitationCouponForm {
  kind: 'hesitation_coupon';
  variants: CopyForm[];
  /** Whole seconds, as typed. */
  delaySeconds: string;
  skipIfCodeApplied: boolean;
  /** Never `none`: a coupon without a discount offers nothing. */
  discount: DiscountForm;
  /** An amount in the shop's money ("50.00"), or empty for no minimum. */
  minimumSubtotal: string;
}

/** The delay as the contract takes it, or an error for text that is not a number. */
function delayToInput(text: string): { value: unknown; errors: FieldErrors } {
  const trimmed = text.trim().replace(/\s*s$/, '');
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(value)
    ? { value, errors: {} }
    : { value: undefined, errors: { delaySeconds: 'Enter a number of seconds, such as 45.' } };
}

function minimumToInput(text: string, currency: string): { value: unknown; errors: FieldErrors } {
  if (text.trim() === '') return { value: null, errors: {} };
  const money = parseMoneyInput(text, currency);
  return money.ok
    ? { value: money.minorUnits, errors: {} }
    : { value: undefined, errors: { minimumSubtotal: money.error } };
}

export const hesitationCouponForm: KindFormModule<'hesitation_coupon', HesitationCouponForm> = {
  empty: () => ({
    kind: 'hesitation_coupon',
    variants: [
      {
        heading: 'Still deciding? Take 10% off',
        body: 'Your discount is ready: one tap and it is on your order.',
        buttonLabel: 'Apply code',
      },
    ],
    delaySeconds: String(LIMITS.hesitationDelayDefault),
    skipIfCodeApplied: true,
    discount: { type: 'percentage', value: '10' },
    minimumSubtotal: '',
  }),
  fromOffer: (offer, currency) => ({
    kind: 'hesitation_coupon',
    variants: offer.variants.map(copyOf),
    delaySeconds: String(offer.delaySeconds),
    skipIfCodeApplied: offer.skipIfCodeApplied,
    discount: discountToForm(offer.discount, currency),
    minimumSubtotal:
      offer.minimumSubtotal === null ? '' : toMoneyInput(offer.minimumSubtotal, currency),
  }),
  toInput: (form, currency) => {
    const discount = discountToInput(form.discount, currency);
    const delay = delayToInput(form.delaySeconds);
    const minimum = minimumToInput(form.minimumSubtotal, currency);
    return {
      fields: {
        variants: form.variants.map(copyOf),
        delaySeconds: delay.value,
        skipIfCodeApplied: form.skipIfCodeApplied,
        discount: discount.discount,
        minimumSubtotal: minimum.value,
      },
      errors: { ...discount.errors, ...delay.errors, ...minimum.errors },
    };
  },
  fieldKeys: (form) => [
    'variants',
    'delaySeconds',
    'skipIfCodeApplied',
    'discount.value',
    'minimumSubtotal',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      COPY_FIELDS.map((field) => variantField(index, field)),
    ),
  ],
};
