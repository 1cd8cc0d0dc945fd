// The rule builder's logic: rules ⇄ GrowthBook condition, and every condition it writes evaluated
// by decide's own evaluateCondition over sample checkouts, so "subtotal at least 50.00" really
// means what checkout will do with it.
import { describe, expect, test } from 'vitest';
import {
  conditionText,
  targetingFromRules,
  targetingFromText,
  targetingOf,
  targetingToCondition,
} from '../../admin-ui/src/pages/offer-editor/targeting/targeting-form.js';
import {
  addRule,
  type Condition,
  conditionAttributes,
  conditionsIgnoredAt,
  conditionToRules,
  newRule,
  RULE_TYPES,
  removeRule,
  replaceRule,
  rulesOfferedAt,
  rulesToCondition,
  type TargetingRule,
  unmatchableAttributes,
  unmatchableRules,
} from '../../admin-ui/src/pages/offer-editor/targeting/targeting-rules.js';
import { evaluateCondition } from '../../core/decide/condition.js';
import { type DecideContext, toConditionAttributes } from '../../core/decide/context.js';

const SHOES = 'gid://shopify/Product/101';
const SOCKS = 'gid://shopify/Product/202';

function checkout(overrides: Partial<DecideContext> = {}): DecideContext {
  return {
    cartLines: [{ variantId: 'gid://shopify/ProductVariant/1', productId: SHOES, quantity: 1 }],
    subtotal: 6000,
    currency: 'USD',
    country: 'US',
    locale: 'en',
    loggedIn: false,
    customerTags: [],
    now: Date.UTC(2030, 0, 1, 12),
    ...overrides,
  };
}

/** Whether decide shows an offer with this condition in this checkout. */
function matches(condition: Condition | null, context: DecideContext): boolean {
  return evaluateCondition(condition, toConditionAttributes(context));
}

function conditionOf(rules: TargetingRule[]): Condition | null {
  const result = rulesToCondition(rules);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.condition;
}

/** One complete rule of each type, as the builder would hold it after the merchant filled it. */
const FILLED: TargetingRule[] = [
  {
    type: 'products',
    op: 'any',
    products: [
      { id: SHOES, title: 'Trail shoes' },
      { id: SOCKS, title: 'Wool socks' },
    ],
  },
  { type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' },
  { type: 'itemCount', op: 'gte', count: '2' },
  { type: 'country', op: 'in', countries: ['US', 'CA'] },
  { type: 'locale', languages: 'en, fr-CA' },
  { type: 'customer', loggedIn: true },
  { type: 'customerTags', tags: 'vip, wholesale' },
];

const titles: Record<string, string> = { [SHOES]: 'Trail shoes', [SOCKS]: 'Wool socks' };
const READ = { titleOf: (id: string) => titles[id] ?? null };

describe('rules → condition', () => {
  test('no rules target every checkout', () => {
    expect(rulesToCondition([])).toEqual({ ok: true, condition: null });
    expect(matches(null, checkout())).toBe(true);
  });

  test('a subtotal in the shop’s money is written in minor units with its currency', () => {
    expect(conditionOf([{ type: 'subtotal', op: 'gte', amount: '50', currency: 'USD' }])).toEqual({
      currency: 'USD',
      subtotal: { $gte: 5000 },
    });
    expect(conditionOf([{ type: 'subtotal', op: 'gte', amount: '5000', currency: 'JPY' }])).toEqual(
      { currency: 'JPY', subtotal: { $gte: 5000 } },
    );
    expect(conditionOf([{ type: 'subtotal', op: 'lt', amount: '12,5', currency: 'EUR' }])).toEqual({
      currency: 'EUR',
      subtotal: { $lt: 1250 },
    });
  });

  test('every rule type together, in the attributes decide knows', () => {
    expect(conditionOf(FILLED)).toEqual({
      cartProductIds: { $in: [SHOES, SOCKS] },
      currency: 'USD',
      subtotal: { $gte: 5000 },
      itemCount: { $gte: 2 },
      country: { $in: ['US', 'CA'] },
      locale: { $regexi: '^(?:en|fr-CA)(?:-|$)' },
      loggedIn: true,
      customerTags: { $in: ['vip', 'wholesale'] },
    });
  });

  test.each<[TargetingRule, string]>([
    [{ type: 'products', op: 'any', products: [] }, 'Pick at least one product.'],
    [
      { type: 'subtotal', op: 'gte', amount: '', currency: 'USD' },
      'Enter an amount such as 12.34.',
    ],
    [
      { type: 'subtotal', op: 'gte', amount: '5.001', currency: 'USD' },
      'Use at most 2 decimal places.',
    ],
    [{ type: 'subtotal', op: 'gte', amount: '0', currency: 'USD' }, 'Enter an amount above zero.'],
    [{ type: 'itemCount', op: 'gte', count: '1.5' }, 'Enter a whole number of items, 1 or more.'],
    [{ type: 'itemCount', op: 'lte', count: '0' }, 'Enter a whole number of items, 1 or more.'],
    [{ type: 'country', op: 'in', countries: [] }, 'Pick at least one country.'],
    [{ type: 'locale', languages: 'english!' }, 'Enter language codes such as en, fr or pt-BR.'],
    [{ type: 'locale', languages: ' ' }, 'Enter language codes such as en, fr or pt-BR.'],
    [{ type: 'customerTags', tags: ' , ' }, 'Enter at least one tag.'],
  ])('an incomplete rule is named, not written: %o', (rule, message) => {
    expect(rulesToCondition([rule])).toEqual({ ok: false, errors: { [rule.type]: message } });
  });
});

describe('conditions evaluated by decide against sample checkouts', () => {
  test('cart contains any of / none of the products', () => {
    const any = conditionOf([
      { type: 'products', op: 'any', products: [{ id: SOCKS, title: null }] },
    ]);
    const none = conditionOf([
      { type: 'products', op: 'none', products: [{ id: SOCKS, title: null }] },
    ]);
    const withSocks = checkout({
      cartLines: [{ variantId: 'gid://shopify/ProductVariant/9', productId: SOCKS, quantity: 1 }],
    });
    expect([matches(any, checkout()), matches(any, withSocks)]).toEqual([false, true]);
    expect([matches(none, checkout()), matches(none, withSocks)]).toEqual([true, false]);
  });

  test('subtotal at least 50.00 USD: 49.99 no, 50.00 yes, 50.00 in another currency no', () => {
    const condition = conditionOf([
      { type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' },
    ]);
    expect(matches(condition, checkout({ subtotal: 4999 }))).toBe(false);
    expect(matches(condition, checkout({ subtotal: 5000 }))).toBe(true);
    expect(matches(condition, checkout({ subtotal: 5000, currency: 'CAD' }))).toBe(false);
  });

  test('subtotal below 20.00', () => {
    const condition = conditionOf([{ type: 'subtotal', op: 'lt', amount: '20', currency: 'USD' }]);
    expect(matches(condition, checkout({ subtotal: 1999 }))).toBe(true);
    expect(matches(condition, checkout({ subtotal: 2000 }))).toBe(false);
  });

  test('item count at least / at most, over line quantities', () => {
    const lines = (quantity: number) => [
      { variantId: 'gid://shopify/ProductVariant/1', productId: SHOES, quantity },
    ];
    const atLeast = conditionOf([{ type: 'itemCount', op: 'gte', count: '3' }]);
    const atMost = conditionOf([{ type: 'itemCount', op: 'lte', count: '1' }]);
    expect(matches(atLeast, checkout({ cartLines: lines(2) }))).toBe(false);
    expect(matches(atLeast, checkout({ cartLines: lines(3) }))).toBe(true);
    expect(matches(atMost, checkout({ cartLines: lines(1) }))).toBe(true);
    expect(matches(atMost, checkout({ cartLines: lines(2) }))).toBe(false);
  });

  test('country is one of / is not one of; an unknown country is not "one of"', () => {
    const inList = conditionOf([{ type: 'country', op: 'in', countries: ['CA', 'US'] }]);
    const notIn = conditionOf([{ type: 'country', op: 'nin', countries: ['CA'] }]);
    expect(matches(inList, checkout({ country: 'CA' }))).toBe(true);
    expect(matches(inList, checkout({ country: 'FR' }))).toBe(false);
    expect(matches(inList, checkout({ country: null }))).toBe(false);
    expect(matches(notIn, checkout({ country: 'CA' }))).toBe(false);
    expect(matches(notIn, checkout({ country: 'FR' }))).toBe(true);
  });

  test('a language matches all its regions, a full tag only itself, in any case', () => {
    const condition = conditionOf([{ type: 'locale', languages: 'fr, pt-BR' }]);
    for (const [locale, expected] of [
      ['fr', true],
      ['fr-CA', true],
      ['FR-ca', true],
      ['pt-BR', true],
      ['pt-PT', false],
      ['pt', false],
      ['fy', false],
      ['en', false],
      [null, false],
    ] as const) {
      expect(matches(condition, checkout({ locale })), String(locale)).toBe(expected);
    }
  });

  test('customer account and tags', () => {
    const member = conditionOf([{ type: 'customer', loggedIn: true }]);
    const guest = conditionOf([{ type: 'customer', loggedIn: false }]);
    const vip = conditionOf([{ type: 'customerTags', tags: 'vip, staff' }]);
    expect([matches(member, checkout()), matches(guest, checkout())]).toEqual([false, true]);
    expect(matches(vip, checkout({ customerTags: ['staff'] }))).toBe(true);
    expect(matches(vip, checkout({ customerTags: ['wholesale'] }))).toBe(false);
  });

  test('all rules must hold', () => {
    const condition = conditionOf(FILLED.filter((rule) => rule.type !== 'customerTags'));
    const qualifying = checkout({
      cartLines: [{ variantId: 'gid://shopify/ProductVariant/1', productId: SHOES, quantity: 2 }],
      locale: 'fr-CA',
      country: 'CA',
      loggedIn: true,
    });
    expect(matches(condition, qualifying)).toBe(true);
    expect(matches(condition, { ...qualifying, loggedIn: false })).toBe(false);
    expect(matches(condition, { ...qualifying, subtotal: 100 })).toBe(false);
    expect(matches(condition, { ...qualifying, country: 'MX' })).toBe(false);
  });
});

describe('condition → rules', () => {
  test('rules come back from their own condition unchanged (every type, each op)', () => {
    const variants: TargetingRule[][] = [
      FILLED,
      [
        { type: 'products', op: 'none', products: [{ id: SHOES, title: 'Trail shoes' }] },
        { type: 'subtotal', op: 'lt', amount: '1000', currency: 'JPY' },
        { type: 'itemCount', op: 'lte', count: '5' },
        { type: 'country', op: 'nin', countries: ['GB'] },
        { type: 'customer', loggedIn: false },
      ],
      [],
    ];
    for (const rules of variants) {
      expect(conditionToRules(conditionOf(rules), READ)).toEqual(rules);
    }
  });

  test('each single rule round-trips, and its condition round-trips too', () => {
    for (const rule of FILLED) {
      const condition = conditionOf([rule]);
      expect(conditionToRules(condition, READ)).toEqual([rule]);
      expect(conditionOf(conditionToRules(condition, READ)!)).toEqual(condition);
    }
  });

  test('what the merchant typed is normalised once read back', () => {
    const typed: TargetingRule[] = [
      { type: 'subtotal', op: 'gte', amount: '50', currency: 'USD' },
      { type: 'itemCount', op: 'gte', count: ' 02 ' },
      { type: 'locale', languages: 'en  fr,de' },
      { type: 'customerTags', tags: 'vip,  vip , staff' },
    ];
    expect(conditionToRules(conditionOf(typed))).toEqual([
      { type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' },
      { type: 'itemCount', op: 'gte', count: '2' },
      { type: 'locale', languages: 'en, fr, de' },
      { type: 'customerTags', tags: 'vip, staff' },
    ]);
  });

  test('the short forms read as rules, in any key order', () => {
    expect(conditionToRules({ subtotal: { $gte: 5000 }, country: 'CA', currency: 'USD' })).toEqual([
      { type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' },
      { type: 'country', op: 'in', countries: ['CA'] },
    ]);
    expect(conditionToRules({})).toEqual([]);
    expect(conditionToRules(null)).toEqual([]);
  });

  test('products without a known title keep their id', () => {
    expect(conditionToRules({ cartProductIds: { $in: [SHOES] } })).toEqual([
      { type: 'products', op: 'any', products: [{ id: SHOES, title: null }] },
    ]);
  });

  test.each<[string, Condition]>([
    ['a subtotal without its currency', { subtotal: { $gte: 5000 } }],
    ['a currency alone', { currency: 'USD' }],
    ['an unknown currency', { currency: 'XYZ1', subtotal: { $gte: 5000 } }],
    ['two operators on one attribute', { subtotal: { $gte: 100, $lt: 900 }, currency: 'USD' }],
    ['an operator the builder has no rule for', { itemCount: { $gt: 2 } }],
    ['a zero amount', { subtotal: { $gte: 0 }, currency: 'USD' }],
    ['a fractional count', { itemCount: { $gte: 1.5 } }],
    ['$or', { $or: [{ country: 'CA' }, { country: 'US' }] }],
    ['an attribute without a rule', { hourOfDay: { $gte: 18 } }],
    ['variant ids', { cartVariantIds: { $in: ['gid://shopify/ProductVariant/1'] } }],
    ['a product id that is not a product GID', { cartProductIds: { $in: ['101'] } }],
    ['an empty list', { country: { $in: [] } }],
    ['a lowercase country', { country: 'ca' }],
    ['a hand-written locale regex', { locale: { $regexi: '^fr' } }],
    ['a locale by equality', { locale: 'fr' }],
    ['loggedIn as a string', { loggedIn: 'true' }],
    ['a tag holding a comma', { customerTags: { $in: ['a,b'] } }],
  ])('%s stays a custom condition', (_name, condition) => {
    expect(conditionToRules(condition)).toBeNull();
  });
});

describe('surfaces', () => {
  test('customer tags are offered nowhere: checkout and thank-you extensions cannot read them', () => {
    expect(rulesOfferedAt('checkout')).toEqual(RULE_TYPES.filter((t) => t !== 'customerTags'));
    expect(rulesOfferedAt('thank_you')).toEqual(RULE_TYPES.filter((t) => t !== 'customerTags'));
  });

  test('the storefront applies no condition yet, so it offers no rule and says why', () => {
    expect(rulesOfferedAt('storefront')).toEqual([]);
    expect(conditionsIgnoredAt('storefront')).toMatch(/does not apply targeting conditions/);
    expect(conditionsIgnoredAt('checkout')).toBeNull();
    expect(conditionsIgnoredAt('thank_you')).toBeNull();
  });

  test('a condition already using them is flagged, whether rules or custom JSON', () => {
    expect(unmatchableRules(FILLED, 'checkout')).toEqual(['customerTags']);
    expect(unmatchableRules(FILLED.slice(0, 2), 'checkout')).toEqual([]);
    const custom = { $or: [{ customerTags: { $in: ['vip'] } }, { country: 'CA' }] };
    expect([...conditionAttributes(custom)].sort()).toEqual(['country', 'customerTags']);
    expect(unmatchableAttributes(custom, 'checkout')).toEqual(['customerTags']);
    expect(unmatchableAttributes({ country: 'CA' }, 'checkout')).toEqual([]);
  });

  test('and in checkout such a condition never matches, as the warning says', () => {
    const condition = conditionOf([{ type: 'customerTags', tags: 'vip' }]);
    // The checkout extension passes no tags (extension/checkout/src/decide-context.ts).
    expect(matches(condition, checkout({ customerTags: [] }))).toBe(false);
  });
});

describe('editing the list of rules', () => {
  test('rules keep the builder’s order and each type appears once', () => {
    let rules = addRule([], 'country', 'USD');
    rules = addRule(rules, 'products', 'USD');
    rules = addRule(rules, 'country', 'USD');
    expect(rules.map((rule) => rule.type)).toEqual(['products', 'country']);
    expect(rules[1]).toEqual(newRule('country', 'USD'));
    rules = replaceRule(rules, { type: 'country', op: 'nin', countries: ['FR'] });
    expect(rules[1]).toEqual({ type: 'country', op: 'nin', countries: ['FR'] });
    expect(removeRule(rules, 'products').map((rule) => rule.type)).toEqual(['country']);
  });

  test('a new subtotal rule is in the shop’s currency', () => {
    expect(newRule('subtotal', 'EUR')).toMatchObject({ currency: 'EUR', amount: '' });
  });
});

describe('the editor’s targeting: rules and the JSON kept in step', () => {
  test('an offer’s condition opens as rules with its JSON beside', () => {
    const condition = { currency: 'USD', subtotal: { $gte: 5000 } };
    expect(targetingOf(condition, READ)).toEqual({
      condition: '{"currency":"USD","subtotal":{"$gte":5000}}',
      rules: [{ type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' }],
    });
    expect(targetingOf({ $or: [{ country: 'CA' }] }, READ).rules).toBeNull();
  });

  test('complete rules rewrite the JSON; an incomplete one leaves it and blocks saving', () => {
    const complete = targetingFromRules([newRule('customer', 'USD')], '');
    expect(complete.condition).toBe('{"loggedIn":true}');
    expect(targetingToCondition(complete)).toEqual({ ok: true, condition: { loggedIn: true } });

    const incomplete = targetingFromRules([newRule('subtotal', 'USD')], complete.condition);
    expect(incomplete.condition).toBe('{"loggedIn":true}');
    expect(targetingToCondition(incomplete)).toEqual({
      ok: false,
      errors: { 'rules.subtotal': 'Enter an amount such as 12.34.' },
    });
    expect(targetingToCondition(targetingFromRules([], 'x'))).toEqual({
      ok: true,
      condition: null,
    });
  });

  test('typed JSON becomes rules when it can, else a custom condition saved as typed', () => {
    const asRules = targetingFromText('{"country": "CA"}', READ);
    expect(asRules.rules).toEqual([{ type: 'country', op: 'in', countries: ['CA'] }]);
    const custom = targetingFromText('{"hourOfDay": {"$gte": 18}}', READ);
    expect(custom.rules).toBeNull();
    expect(targetingToCondition(custom)).toEqual({
      ok: true,
      condition: { hourOfDay: { $gte: 18 } },
    });
    const broken = targetingFromText('{"country": ', READ);
    expect(broken.rules).toBeNull();
    const result = targetingToCondition(broken);
    expect(!result.ok && result.errors.condition).toMatch(/^Enter valid JSON/);
    expect(targetingFromText('', READ)).toEqual({ condition: '', rules: [] });
  });

  test('long conditions are indented for reading', () => {
    expect(conditionText(conditionOf(FILLED))).toContain('\n  "cartProductIds"');
    expect(conditionText(null)).toBe('');
  });
});
