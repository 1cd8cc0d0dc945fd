import type { Offer, OfferInput, OfferTarget, ProductDetail } from '../../api/types.js';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime.js';
import { MAX_PRODUCTS } from './product-selection.js';

/** What the editor's inputs hold: text as typed, so validation can name the field at fault. */
export interface OfferFormValues {
  name: string;
  target: OfferTarget;
  heading: string;
  body: string;
  buttonLabel: string;
  products: ProductDetail[];
  holdoutPercent: string;
  priority: string;
  startsAt: string;
  endsAt: string;
  condition: string;
}

export type OfferFormField = keyof OfferFormValues;
export type FieldErrors = Partial<Record<OfferFormField, string>>;

export type FormResult = { ok: true; input: OfferInput } | { ok: false; errors: FieldErrors };

export const NAME_MAX = 120;
export const HOLDOUT_MAX_PERCENT = 50;

export function emptyOfferForm(defaultHoldout: number): OfferFormValues {
  return {
    name: '',
    target: 'checkout_block',
    heading: 'You may also like',
    body: '',
    buttonLabel: 'Add',
    products: [],
    holdoutPercent: fractionToPercentText(defaultHoldout),
    priority: '0',
    startsAt: '',
    endsAt: '',
    condition: '',
  };
}

export function offerToForm(offer: Offer): OfferFormValues {
  return {
    name: offer.name,
    target: offer.target,
    heading: offer.content.heading,
    body: offer.content.body,
    buttonLabel: offer.content.buttonLabel,
    products: offer.productDetails,
    holdoutPercent: fractionToPercentText(offer.holdout),
    priority: String(offer.priority),
    startsAt: toDateTimeLocal(offer.startsAt),
    endsAt: toDateTimeLocal(offer.endsAt),
    condition: conditionText(offer.condition),
  };
}

/** Short conditions stay on one line; long ones are indented so they can be read and edited. */
function conditionText(condition: Record<string, unknown> | null): string {
  if (condition === null) return '';
  const compact = JSON.stringify(condition);
  return compact.length <= 72 ? compact : JSON.stringify(condition, null, 2);
}

/** 0.1 → "10"; rounding hides float noise such as 0.07 * 100 = 7.000000000000001. */
export function fractionToPercentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

export function validateOfferForm(values: OfferFormValues): FormResult {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Enter a name for this offer.';
  else if (name.length > NAME_MAX) errors.name = `Use ${NAME_MAX} characters or fewer.`;
  if (values.heading.trim() === '') errors.heading = 'Enter a heading shoppers will see.';
  if (values.buttonLabel.trim() === '') errors.buttonLabel = 'Enter a button label.';
  if (values.products.length === 0) errors.products = 'Pick at least one product to offer.';
  else if (values.products.length > MAX_PRODUCTS) {
    errors.products = `Pick at most ${MAX_PRODUCTS} products.`;
  }

  const holdoutPercent = parseNumber(values.holdoutPercent);
  if (holdoutPercent === null || holdoutPercent < 0 || holdoutPercent > HOLDOUT_MAX_PERCENT) {
    errors.holdoutPercent = `Enter a holdout between 0 and ${HOLDOUT_MAX_PERCENT}%.`;
  }
  const priority = parseNumber(values.priority);
  if (priority === null || !Number.isSafeInteger(priority)) {
    errors.priority = 'Enter a whole number.';
  }

  const startsAt = fromDateTimeLocal(values.startsAt);
  const endsAt = fromDateTimeLocal(values.endsAt);
  if (Number.isNaN(startsAt)) errors.startsAt = 'Enter a valid date and time.';
  if (Number.isNaN(endsAt)) errors.endsAt = 'Enter a valid date and time.';
  else if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    errors.endsAt = 'The end must be after the start.';
  }

  const condition = parseCondition(values.condition);
  if (!condition.ok) errors.condition = condition.error;

  if (Object.keys(errors).length > 0 || holdoutPercent === null || priority === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      name,
      kind: 'cross_sell',
      target: values.target,
      content: {
        heading: values.heading.trim(),
        body: values.body.trim(),
        buttonLabel: values.buttonLabel.trim(),
      },
      products: values.products.map((product) => product.variantId),
      condition: condition.ok ? condition.value : null,
      priority,
      startsAt,
      endsAt,
      holdout: Math.round(holdoutPercent * 100) / 10_000,
    },
  };
}

/** Null for blank or non-numeric text, so the caller can name the field at fault. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

type ConditionResult =
  | { ok: true; value: Record<string, unknown> | null }
  | { ok: false; error: string };

export function parseCondition(text: string): ConditionResult {
  if (text.trim() === '') return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, error: `Enter valid JSON${detail}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      error: 'The condition must be a JSON object, for example {"country": "US"}.',
    };
  }
  return { ok: true, value: { ...parsed } };
}
