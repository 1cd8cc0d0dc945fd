import {
  KIND_INFO,
  LIMITS,
  type OfferKind,
  type OfferTarget,
} from '../../../../core/offers/catalog.js';
import { type Offer, type OfferInput, offerInputSchema } from '../../../../core/offers/contract.js';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime.js';
import { type FieldErrors, type FieldKey, fieldForPath } from './form-fields.js';
import type { KindFormModule } from './kinds/kind-form.js';
import { KIND_FORMS, type KindForm, kindFormOf } from './kinds/kind-forms.js';
import { productTitleLookup } from './targeting/product-titles.js';
import { ruleField, targetingOf, targetingToCondition } from './targeting/targeting-form.js';
import type { TargetingRule } from './targeting/targeting-rules.js';

export { parseCondition } from './targeting/targeting-form.js';

/** The fields every kind has, as typed, so validation can name the input at fault. */
export interface CommonForm {
  name: string;
  target: OfferTarget;
  holdoutPercent: string;
  priority: string;
  startsAt: string;
  endsAt: string;
  /** The targeting condition's JSON, as shown to experts (and typed by them). */
  condition: string;
  /** The condition as rules; null for a custom condition only the JSON can show. */
  rules: TargetingRule[] | null;
}

export type CommonField = keyof CommonForm;

/** What the editor holds: the common fields and the kind's own (`spec`, discriminated on kind). */
export interface OfferForm {
  common: CommonForm;
  spec: KindForm;
}

export type FormResult =
  | { ok: true; input: OfferInput }
  | {
      ok: false;
      /** Messages for inputs the editor shows, by field key. */
      errors: FieldErrors;
      /** Messages no input owns; the form's banner lists them. */
      unplaced: string[];
    };

export const HOLDOUT_MAX_PERCENT = LIMITS.holdoutMax * 100;

/**
 * For the rare issue the contract words no message for (it names every limit; this catches a
 * type slip), so a merchant never reads zod's developer wording.
 */
const UNWORDED_ISSUE = 'Check this value.';

const COMMON_FIELDS: readonly CommonField[] = [
  'name',
  'target',
  'holdoutPercent',
  'priority',
  'startsAt',
  'endsAt',
  'condition',
];

export function emptyOfferForm(kind: OfferKind, defaultHoldout: number): OfferForm {
  const [target] = KIND_INFO[kind].targets;
  return {
    common: {
      name: '',
      target: target ?? 'checkout_block',
      holdoutPercent: fractionToPercentText(defaultHoldout),
      priority: '0',
      startsAt: '',
      endsAt: '',
      condition: '',
      rules: [],
    },
    spec: KIND_FORMS[kind].empty(),
  };
}

export function offerToForm(offer: Offer, currency: string): OfferForm {
  // Each kind's module reads an offer of its own kind; the registry is keyed by that kind.
  const module = KIND_FORMS[offer.kind] as KindFormModule<OfferKind, KindForm>;
  return {
    common: {
      name: offer.name,
      target: offer.target,
      holdoutPercent: fractionToPercentText(offer.holdout),
      priority: String(offer.priority),
      startsAt: toDateTimeLocal(offer.startsAt),
      endsAt: toDateTimeLocal(offer.endsAt),
      ...targetingOf(offer.condition, { titleOf: productTitleLookup(offer.productDetails) }),
    },
    spec: module.fromOffer(offer, currency),
  };
}

/** "12.5" → 0.125 (rounded to 0.01 %), or null when the text is not a number. */
export function percentTextToFraction(text: string): number | null {
  const percent = parseNumber(text);
  return percent === null ? null : Math.round(percent * 100) / 10_000;
}

/** 0.1 → "10"; rounding hides float noise such as 0.07 * 100 = 7.000000000000001. */
export function fractionToPercentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/**
 * The form as the contract's input, before the contract checks it. Text that is not a number, a
 * date or JSON cannot be handed over; it gets its own message and its field is left out.
 */
export function formToInput(
  form: OfferForm,
  currency: string,
): { input: Record<string, unknown>; errors: FieldErrors } {
  const { common } = form;
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {
    name: common.name,
    kind: form.spec.kind,
    target: common.target,
  };

  const holdout = percentTextToFraction(common.holdoutPercent);
  if (holdout === null) errors.holdoutPercent = 'Enter a holdout such as 10.';
  else input.holdout = holdout;

  const priority = parseNumber(common.priority);
  if (priority === null) errors.priority = 'Enter a whole number.';
  else input.priority = priority;

  for (const field of ['startsAt', 'endsAt'] as const) {
    const at = fromDateTimeLocal(common[field]);
    if (Number.isNaN(at)) errors[field] = 'Enter a valid date and time.';
    else input[field] = at;
  }

  const targeting = targetingToCondition(common);
  if (targeting.ok) input.condition = targeting.condition;
  else Object.assign(errors, targeting.errors);

  const own = kindFormOf(form.spec).toInput(form.spec, currency);
  return { input: { ...input, ...own.fields }, errors: { ...errors, ...own.errors } };
}

/** Every field key the editor shows an error on, for this form's kind and variant count. */
export function fieldKeysOf(form: OfferForm): Set<FieldKey> {
  const rules = (form.common.rules ?? []).map((rule) => ruleField(rule.type));
  return new Set([...COMMON_FIELDS, ...rules, ...kindFormOf(form.spec).fieldKeys(form.spec)]);
}

/**
 * Checks the form with the contract itself (`offerInputSchema`, as the server does), so every
 * limit a merchant reads is the contract's own message, on the input it is about.
 */
export function validateOfferForm(form: OfferForm, currency: string): FormResult {
  const { input, errors } = formToInput(form, currency);
  const parsed = offerInputSchema.safeParse(input, { error: () => UNWORDED_ISSUE });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };

  const shown = fieldKeysOf(form);
  const unplaced: string[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldForPath(issue.path);
    if (field !== null && shown.has(field)) errors[field] ??= issue.message;
    else if (!unplaced.includes(issue.message)) unplaced.push(issue.message);
  }
  return { ok: false, errors, unplaced };
}

/** Null for blank or non-numeric text, so the caller can name the field at fault. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
