import type { Surface } from '../../../../../core/offers/catalog.js';
import { parseMoneyInput, toMoneyInput } from '../../../lib/money.js';

/**
 * The rule builder's model: a short list of rules a merchant can read ("cart subtotal at least
 * 50.00"), written underneath as the GrowthBook condition decide evaluates (attributes in
 * core/decide/context.ts). Each rule type appears at most once and every rule must hold (AND).
 * A condition the rules cannot express exactly is left alone as a custom condition (JSON).
 *
 * Rules hold what the merchant typed (text), so a half-typed amount is not lost; turning them
 * into a condition is where they are checked.
 */
export const RULE_TYPES = [
  'products',
  'subtotal',
  'itemCount',
  'country',
  'locale',
  'customer',
  'customerTags',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export interface RuleProduct {
  /** Product GID. */
  id: string;
  /** Null when the editor cannot know it (picked in an earlier session, see product-titles.ts). */
  title: string | null;
}

export type ProductsRule = { type: 'products'; op: 'any' | 'none'; products: RuleProduct[] };
export type SubtotalRule = { type: 'subtotal'; op: 'gte' | 'lt'; amount: string; currency: string };
export type ItemCountRule = { type: 'itemCount'; op: 'gte' | 'lte'; count: string };
export type CountryRule = { type: 'country'; op: 'in' | 'nin'; countries: string[] };
/** Language codes as typed: "fr, pt-BR". */
export type LocaleRule = { type: 'locale'; languages: string };
export type CustomerRule = { type: 'customer'; loggedIn: boolean };
/** Tags as typed, comma separated. */
export type CustomerTagsRule = { type: 'customerTags'; tags: string };

export type TargetingRule =
  | ProductsRule
  | SubtotalRule
  | ItemCountRule
  | CountryRule
  | LocaleRule
  | CustomerRule
  | CustomerTagsRule;

export type RuleOf<T extends RuleType> = Extract<TargetingRule, { type: T }>;

/**
 * Where the widget evaluates the targeting condition (core/decide, in the checkout extension).
 * The storefront embed does not yet: it shows by page and schedule only
 * (extension/storefront/src/choose-offer.ts), so a rule there would silently do nothing.
 */
const CONDITION_SURFACES: readonly Surface[] = ['checkout', 'thank_you'];

export const RULE_INFO: Record<
  RuleType,
  {
    label: string;
    /** Where the attribute it reads is known; elsewhere the rule could never match. */
    surfaces: readonly Surface[];
    /** Why it is missing elsewhere, for a condition that already uses it. */
    unavailableReason?: string;
  }
> = {
  products: { label: 'Cart contains products', surfaces: CONDITION_SURFACES },
  subtotal: { label: 'Cart subtotal', surfaces: CONDITION_SURFACES },
  itemCount: { label: 'Number of items in the cart', surfaces: CONDITION_SURFACES },
  country: { label: 'Country', surfaces: CONDITION_SURFACES },
  locale: { label: 'Language', surfaces: CONDITION_SURFACES },
  customer: { label: 'Customer account', surfaces: CONDITION_SURFACES },
  customerTags: {
    label: 'Customer tags',
    // Decide knows the attribute, but Shopify gives checkout and thank-you extensions no tags
    // (extension/checkout/src/decide-context.ts): it stays for a surface that can read them.
    surfaces: [],
    unavailableReason: 'Shopify does not let checkout extensions read customer tags',
  },
};

/** Why no rule applies at a surface at all, or null where the condition is evaluated. */
export function conditionsIgnoredAt(surface: Surface): string | null {
  return CONDITION_SURFACES.includes(surface)
    ? null
    : 'The storefront does not apply targeting conditions yet: the offer shows by page and schedule only.';
}

/** At most this many products in one rule; the condition has a size limit (LIMITS.conditionChars). */
export const MAX_RULE_PRODUCTS = 20;
const MAX_ITEM_COUNT = 1_000_000;

/** The rule types a merchant may add at a surface, in the builder's order. */
export function rulesOfferedAt(surface: Surface): RuleType[] {
  return RULE_TYPES.filter((type) => RULE_INFO[type].surfaces.includes(surface));
}

/** Rules (already in a condition) that can never match at this surface. */
export function unmatchableRules(rules: readonly TargetingRule[], surface: Surface): RuleType[] {
  return rules
    .map((rule) => rule.type)
    .filter((type) => !RULE_INFO[type].surfaces.includes(surface));
}

/** A fresh rule of a type, ready to be filled in. */
export function newRule(type: RuleType, currency: string): TargetingRule {
  switch (type) {
    case 'products':
      return { type, op: 'any', products: [] };
    case 'subtotal':
      return { type, op: 'gte', amount: '', currency };
    case 'itemCount':
      return { type, op: 'gte', count: '' };
    case 'country':
      return { type, op: 'in', countries: [] };
    case 'locale':
      return { type, languages: '' };
    case 'customer':
      return { type, loggedIn: true };
    case 'customerTags':
      return { type, tags: '' };
  }
}

/** Adds a rule of a type in the builder's order; a type already there is left as it is. */
export function addRule(
  rules: readonly TargetingRule[],
  type: RuleType,
  currency: string,
): TargetingRule[] {
  if (rules.some((rule) => rule.type === type)) return [...rules];
  return sortRules([...rules, newRule(type, currency)]);
}

export function replaceRule(rules: readonly TargetingRule[], next: TargetingRule): TargetingRule[] {
  return rules.map((rule) => (rule.type === next.type ? next : rule));
}

export function removeRule(rules: readonly TargetingRule[], type: RuleType): TargetingRule[] {
  return rules.filter((rule) => rule.type !== type);
}

function sortRules(rules: TargetingRule[]): TargetingRule[] {
  return rules.sort((a, b) => RULE_TYPES.indexOf(a.type) - RULE_TYPES.indexOf(b.type));
}

export type Condition = Record<string, unknown>;
export type RuleErrors = Partial<Record<RuleType, string>>;

/**
 * The condition the rules mean, or a message per rule that is not complete yet. No rules: null,
 * which targets every checkout.
 */
export function rulesToCondition(
  rules: readonly TargetingRule[],
): { ok: true; condition: Condition | null } | { ok: false; errors: RuleErrors } {
  const condition: Condition = {};
  const errors: RuleErrors = {};
  for (const rule of sortRules([...rules])) {
    const written = writeRule(rule);
    if (typeof written === 'string') errors[rule.type] = written;
    else Object.assign(condition, written);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, condition: Object.keys(condition).length === 0 ? null : condition };
}

const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** The condition fields of one rule, or what is wrong with it. */
function writeRule(rule: TargetingRule): Condition | string {
  switch (rule.type) {
    case 'products': {
      if (rule.products.length === 0) return 'Pick at least one product.';
      if (rule.products.length > MAX_RULE_PRODUCTS)
        return `Pick at most ${MAX_RULE_PRODUCTS} products.`;
      const ids = rule.products.map((product) => product.id);
      return { cartProductIds: { [rule.op === 'any' ? '$in' : '$nin']: ids } };
    }
    case 'subtotal': {
      const money = parseMoneyInput(rule.amount, rule.currency);
      if (!money.ok) return money.error;
      if (money.minorUnits <= 0) return 'Enter an amount above zero.';
      // Minor units mean nothing without their currency: 5000 is $50.00 but also ¥5,000.
      return { currency: rule.currency, subtotal: { [`$${rule.op}`]: money.minorUnits } };
    }
    case 'itemCount': {
      const text = rule.count.trim();
      const count = Number(text);
      if (!/^\d+$/.test(text) || count < 1 || count > MAX_ITEM_COUNT)
        return 'Enter a whole number of items, 1 or more.';
      return { itemCount: { [`$${rule.op}`]: count } };
    }
    case 'country':
      if (rule.countries.length === 0) return 'Pick at least one country.';
      return { country: { [`$${rule.op}`]: [...rule.countries] } };
    case 'locale': {
      const codes = splitList(rule.languages, /[\s,]+/);
      if (codes.length === 0 || !codes.every((code) => LANGUAGE_CODE.test(code)))
        return 'Enter language codes such as en, fr or pt-BR.';
      return { locale: { $regexi: localePattern(codes) } };
    }
    case 'customer':
      return { loggedIn: rule.loggedIn };
    case 'customerTags': {
      const tags = splitList(rule.tags, /,/);
      if (tags.length === 0) return 'Enter at least one tag.';
      return { customerTags: { $in: tags } };
    }
  }
}

/**
 * Checkout reports the buyer's language as a BCP 47 tag ("fr" or "fr-CA"): a language code
 * matches every region of that language, a full tag matches itself. Case does not matter.
 */
function localePattern(codes: string[]): string {
  return `^(?:${codes.join('|')})(?:-|$)`;
}
const LOCALE_PATTERN = /^\^\(\?:([A-Za-z0-9|-]+)\)\(\?:-\|\$\)$/;

function splitList(text: string, separator: RegExp): string[] {
  const items = text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

export interface ReadOptions {
  /** The product title for a GID, when the editor knows it. */
  titleOf?: (productId: string) => string | null;
}

/**
 * The rules a condition is, or null when the rules cannot say exactly the same thing (other
 * attributes or operators, `$or`, a subtotal without its currency…): a custom condition.
 */
export function conditionToRules(
  condition: Condition | null,
  options: ReadOptions = {},
): TargetingRule[] | null {
  if (condition === null) return [];
  const keys = Object.keys(condition);
  if ('currency' in condition !== 'subtotal' in condition) return null;
  const rules: TargetingRule[] = [];
  for (const key of keys) {
    if (key === 'currency') continue;
    const rule = readRule(key, condition[key], condition, options);
    if (!rule) return null;
    rules.push(rule);
  }
  return sortRules(rules);
}

function readRule(
  key: string,
  value: unknown,
  condition: Condition,
  options: ReadOptions,
): TargetingRule | null {
  switch (key) {
    case 'cartProductIds': {
      const op = soleOperator(value, ['$in', '$nin']);
      if (!op || !isList(op.value, (id) => /^gid:\/\/shopify\/Product\/\d+$/.test(id))) return null;
      if (op.value.length > MAX_RULE_PRODUCTS) return null;
      return {
        type: 'products',
        op: op.name === '$in' ? 'any' : 'none',
        products: op.value.map((id) => ({ id, title: options.titleOf?.(id) ?? null })),
      };
    }
    case 'subtotal': {
      const currency = condition.currency;
      const op = soleOperator(value, ['$gte', '$lt']);
      if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return null;
      if (!op || !isPositiveInteger(op.value)) return null;
      const amount = moneyText(op.value, currency);
      if (amount === null) return null;
      return { type: 'subtotal', op: op.name === '$gte' ? 'gte' : 'lt', amount, currency };
    }
    case 'itemCount': {
      const op = soleOperator(value, ['$gte', '$lte']);
      if (!op || !isPositiveInteger(op.value) || op.value > MAX_ITEM_COUNT) return null;
      return { type: 'itemCount', op: op.name === '$gte' ? 'gte' : 'lte', count: String(op.value) };
    }
    case 'country': {
      // `{"country": "CA"}` is the short way to write "is one of: CA".
      if (typeof value === 'string') {
        return /^[A-Z]{2}$/.test(value) ? { type: 'country', op: 'in', countries: [value] } : null;
      }
      const op = soleOperator(value, ['$in', '$nin']);
      if (!op || !isList(op.value, (code) => /^[A-Z]{2}$/.test(code))) return null;
      return { type: 'country', op: op.name === '$in' ? 'in' : 'nin', countries: op.value };
    }
    case 'locale': {
      const op = soleOperator(value, ['$regexi']);
      const match = typeof op?.value === 'string' ? LOCALE_PATTERN.exec(op.value) : null;
      const codes = match?.[1]?.split('|') ?? [];
      if (codes.length === 0 || !codes.every((code) => LANGUAGE_CODE.test(code))) return null;
      return { type: 'locale', languages: codes.join(', ') };
    }
    case 'loggedIn':
      return typeof value === 'boolean' ? { type: 'customer', loggedIn: value } : null;
    case 'customerTags': {
      const op = soleOperator(value, ['$in']);
      if (!op || !isList(op.value, (tag) => tag.trim() === tag && tag !== '' && !tag.includes(',')))
        return null;
      return { type: 'customerTags', tags: op.value.join(', ') };
    }
    default:
      return null;
  }
}

function soleOperator(
  value: unknown,
  allowed: readonly string[],
): { name: string; value: unknown } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || !entry || !allowed.includes(entry[0])) return null;
  return { name: entry[0], value: entry[1] };
}

/** A non-empty list of distinct strings, each accepted by `check`. */
function isList(value: unknown, check: (item: string) => boolean): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'string' && check(item)) &&
    new Set(value).size === value.length
  );
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Minor units as the merchant types them, or null for a currency Intl does not know. */
function moneyText(minorUnits: number, currency: string): string | null {
  try {
    return toMoneyInput(minorUnits, currency);
  } catch {
    return null;
  }
}

/**
 * Every attribute a condition reads, however deeply nested in `$and`/`$or`/`$nor`/`$not`, so a
 * custom condition can be checked against what a surface knows.
 */
export function conditionAttributes(condition: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$and' || key === '$or' || key === '$nor' || key === '$not') visit(value);
      else if (!key.startsWith('$')) found.add(key);
    }
  };
  visit(condition);
  return found;
}

const ATTRIBUTE_RULES: Record<string, RuleType> = { customerTags: 'customerTags' };

/** The rule types a (custom) condition uses that cannot match at this surface. */
export function unmatchableAttributes(condition: unknown, surface: Surface): RuleType[] {
  return [...conditionAttributes(condition)]
    .map((attribute) => ATTRIBUTE_RULES[attribute])
    .filter((type): type is RuleType => type !== undefined)
    .filter((type) => !RULE_INFO[type].surfaces.includes(surface));
}
