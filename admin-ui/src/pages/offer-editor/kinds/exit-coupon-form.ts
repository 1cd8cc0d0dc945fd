import { LIMITS } from '../../../../../core/offers/catalog.js';
import type { CombinesWith } from '../../../../../core/offers/contract.js';
import { STOREFRONT_PAGES, type StorefrontPage } from '../../../../../core/storefront/config.js';
import type { IntentSensitivity } from '../../../../../core/storefront/intent-presets.js';
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

export interface ExitCouponForm {
  kind: 'exit_coupon';
  variants: CopyForm[];
  discount: DiscountForm;
  /** Whole hours, as typed. */
  codeExpiryHours: string;
  /** An amount in the shop's money, or empty for no minimum. */
  minimumSubtotal: string;
  combinesWith: CombinesWith;
  sensitivity: IntentSensitivity;
  /** Whole seconds / hours, as typed. */
  minTimeOnPageSeconds: string;
  idleSeconds: string;
  frequencyCapHours: string;
  pages: StorefrontPage[];
}

/** A whole number as typed, or an error on `field` for text that is not a number. */
function numberToInput(text: string, field: string, example: string) {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(value)
    ? { value, errors: {} as FieldErrors }
    : {
        value: undefined,
        errors: { [field]: `Enter a number, such as ${example}.` } as FieldErrors,
      };
}

function minimumToInput(text: string, currency: string): { value: unknown; errors: FieldErrors } {
  if (text.trim() === '') return { value: null, errors: {} };
  const money = parseMoneyInput(text, currency);
  return money.ok
    ? { value: money.minorUnits, errors: {} }
    : { value: undefined, errors: { minimumSubtotal: money.error } };
}

export const exitCouponForm: KindFormModule<'exit_coupon', ExitCouponForm> = {
  empty: () => ({
    kind: 'exit_coupon',
    variants: [
      {
        heading: 'Before you go: 10% off',
        body: 'Take 10% off your order today with your own code.',
        buttonLabel: 'Apply and check out',
      },
    ],
    discount: { type: 'percentage', value: '10' },
    codeExpiryHours: String(LIMITS.exitCodeExpiryDefault),
    minimumSubtotal: '',
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
    sensitivity: 'medium',
    minTimeOnPageSeconds: '5',
    idleSeconds: '0',
    frequencyCapHours: '24',
    pages: [...STOREFRONT_PAGES],
  }),
  fromOffer: (offer, currency) => ({
    kind: 'exit_coupon',
    variants: offer.variants.map(copyOf),
    discount: discountToForm(offer.discount, currency),
    codeExpiryHours: String(offer.codeExpiryHours),
    minimumSubtotal:
      offer.minimumSubtotal === null ? '' : toMoneyInput(offer.minimumSubtotal, currency),
    combinesWith: { ...offer.combinesWith },
    sensitivity: offer.intent.sensitivity,
    minTimeOnPageSeconds: String(offer.intent.minTimeOnPageSeconds),
    idleSeconds: String(offer.intent.idleSeconds),
    frequencyCapHours: String(offer.intent.frequencyCapHours),
    pages: [...offer.pages],
  }),
  toInput: (form, currency) => {
    const discount = discountToInput(form.discount, currency);
    const expiry = numberToInput(form.codeExpiryHours, 'codeExpiryHours', '48');
    const minimum = minimumToInput(form.minimumSubtotal, currency);
    const minTime = numberToInput(form.minTimeOnPageSeconds, 'intent', '5');
    const idle = numberToInput(form.idleSeconds, 'intent', '0');
    const cap = numberToInput(form.frequencyCapHours, 'intent', '24');
    return {
      fields: {
        variants: form.variants.map(copyOf),
        discount: discount.discount,
        codeExpiryHours: expiry.value,
        minimumSubtotal: minimum.value,
        combinesWith: form.combinesWith,
        intent: {
          sensitivity: form.sensitivity,
          minTimeOnPageSeconds: minTime.value,
          idleSeconds: idle.value,
          frequencyCapHours: cap.value,
        },
        pages: form.pages,
      },
      errors: {
        ...discount.errors,
        ...expiry.errors,
        ...minimum.errors,
        ...cap.errors,
        ...idle.errors,
        ...minTime.errors,
      },
    };
  },
  fieldKeys: (form) => [
    'variants',
    'discount.value',
    'codeExpiryHours',
    'minimumSubtotal',
    'combinesWith',
    'intent',
    'pages',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      COPY_FIELDS.map((field) => variantField(index, field)),
    ),
  ],
};
