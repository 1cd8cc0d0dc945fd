import type { DiscountType } from '../../../../../core/offers/catalog.js';
import type { OfferDiscount, ProductDetail } from '../../../../../core/offers/contract.js';
import { parseMoneyInput, toMoneyInput } from '../../../lib/money.js';
import type { FieldErrors } from '../form-fields.js';

/** The copy every product offer shows, as typed. */
export interface CopyForm {
  heading: string;
  body: string;
  buttonLabel: string;
}

export const COPY_FIELDS = ['heading', 'body', 'buttonLabel'] as const;

export function copyOf(variant: CopyForm): CopyForm {
  return { heading: variant.heading, body: variant.body, buttonLabel: variant.buttonLabel };
}

/** `none` stands for a null discount, so the select always has a value. */
export interface DiscountForm {
  type: 'none' | DiscountType;
  /** Whole percent, or an amount in the shop's money ("5.00"), as typed. */
  value: string;
}

export const NO_DISCOUNT: DiscountForm = { type: 'none', value: '' };

export function discountToForm(discount: OfferDiscount | null, currency: string): DiscountForm {
  if (discount === null) return NO_DISCOUNT;
  if (discount.type === 'percentage') return { type: 'percentage', value: String(discount.value) };
  return { type: 'fixed', value: toMoneyInput(discount.value, currency) };
}

/**
 * The contract's discount, or an error for text that is not a number. Limits (1..90%, above zero)
 * are the contract's to check, so its message is the one the merchant reads.
 */
export function discountToInput(
  form: DiscountForm,
  currency: string,
): { discount: unknown; errors: FieldErrors } {
  if (form.type === 'none') return { discount: null, errors: {} };
  if (form.type === 'fixed') {
    const money = parseMoneyInput(form.value, currency);
    return money.ok
      ? { discount: { type: 'fixed', value: money.minorUnits }, errors: {} }
      : { discount: null, errors: { 'discount.value': money.error } };
  }
  const text = form.value.trim().replace(/\s*%$/, '');
  const value = text === '' ? Number.NaN : Number(text);
  return Number.isFinite(value)
    ? { discount: { type: 'percentage', value }, errors: {} }
    : { discount: null, errors: { 'discount.value': 'Enter a percentage such as 10.' } };
}

/**
 * The details the offer snapshotted, in the order of `ids`. A variant without a snapshot (removed
 * from the store since) still shows, by id, so the merchant can see and remove it.
 */
export function detailsFor(
  ids: readonly string[],
  details: readonly ProductDetail[],
): ProductDetail[] {
  return ids.map(
    (id) =>
      details.find((detail) => detail.variantId === id) ?? {
        variantId: id,
        productId: '',
        title: `Unknown product (${id.split('/').pop() ?? id})`,
        variantTitle: null,
        imageUrl: null,
        price: 0,
        available: false,
      },
  );
}

export function variantIds(details: readonly ProductDetail[]): string[] {
  return details.map((detail) => detail.variantId);
}
