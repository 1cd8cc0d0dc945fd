import { describe, expect, test } from 'vitest';
import type { CrossSellForm } from '../../admin-ui/src/pages/offer-editor/kinds/cross-sell-form.js';
import type { CtaForm } from '../../admin-ui/src/pages/offer-editor/kinds/cta-form.js';
import type { UpsellForm } from '../../admin-ui/src/pages/offer-editor/kinds/upsell-form.js';
import {
  emptyOfferForm,
  type FormResult,
  formToInput,
  fractionToPercentText,
  type OfferForm,
  offerToForm,
  parseCondition,
  validateOfferForm,
} from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import { LIMITS, OFFER_KINDS } from '../../core/offers/catalog.js';
import { type OfferInput, offerInputSchema } from '../../core/offers/contract.js';
import {
  crossSellInput,
  ctaInput,
  exitCouponInput,
  gid,
  hesitationCouponInput,
  inputFieldsOf,
  nextOrderCouponInput,
  offerFrom,
  productDetail,
  upsellInput,
} from './fixtures.js';

const INPUTS = {
  cross_sell: crossSellInput,
  upsell: upsellInput,
  cta: ctaInput,
  hesitation_coupon: hesitationCouponInput,
  exit_coupon: exitCouponInput,
  next_order_coupon: nextOrderCouponInput,
};

function formOf(input: OfferInput, currency = 'USD'): OfferForm {
  return offerToForm(offerFrom(input), currency);
}

function errorsOf(result: FormResult) {
  return result.ok ? {} : result.errors;
}

/** What the contract itself says about an input: the message of its first issue at `path`. */
function contractMessage(input: unknown, path: string): string | undefined {
  const parsed = offerInputSchema.safeParse(input);
  return parsed.success
    ? undefined
    : parsed.error.issues.find((issue) => issue.path.join('.') === path)?.message;
}

function crossSell(change: (form: CrossSellForm) => void): OfferForm {
  const form = formOf(crossSellInput());
  change(form.spec as CrossSellForm);
  return form;
}

describe('form ⇄ input round trip', () => {
  test.each(OFFER_KINDS)('a %s offer comes back from its form unchanged', (kind) => {
    const offer = offerFrom(INPUTS[kind]());
    const form = offerToForm(offer, 'USD');
    expect(form.spec.kind).toBe(kind);
    expect(formToInput(form, 'USD')).toEqual({ input: inputFieldsOf(offer), errors: {} });
    // …and the contract accepts it as it is, so saving an untouched offer changes nothing.
    expect(validateOfferForm(form, 'USD')).toEqual({ ok: true, input: inputFieldsOf(offer) });
  });

  test('each cross-sell variant keeps its own products, with their snapshotted details', () => {
    const form = formOf(crossSellInput()).spec as CrossSellForm;
    expect(form.variants.map((variant) => variant.products.map((p) => p.title))).toEqual([
      ['Product 1'],
      ['Product 2', 'Product 3'],
    ]);
  });

  test('an upsell shows its triggers and its upgrade as products', () => {
    const form = formOf(upsellInput()).spec as UpsellForm;
    expect(form.triggers.map((p) => p.variantId)).toEqual([gid(1), gid(2)]);
    expect(form.replacement?.title).toBe('Product 4');
    expect(form.discount).toEqual({ type: 'percentage', value: '10' });
  });

  test('a banner link is an on/off switch with its text kept', () => {
    const form = formOf(ctaInput()).spec as CtaForm;
    expect(form.variants.map((variant) => variant.hasLink)).toEqual([true, false, true]);
    expect(form.variants[0]).toMatchObject({
      linkUrl: '/policies/refund-policy',
      linkLabel: 'Read the policy',
    });
  });

  test('a fixed discount is typed in the shop money and stored in minor units', () => {
    expect((formOf(crossSellInput()).spec as CrossSellForm).discount).toEqual({
      type: 'fixed',
      value: '2.50',
    });
    expect((formOf(crossSellInput(), 'JPY').spec as CrossSellForm).discount.value).toBe('250');
    const typed = crossSell((spec) => {
      spec.discount = { type: 'fixed', value: '5' };
    });
    expect(formToInput(typed, 'USD').input.discount).toEqual({ type: 'fixed', value: 500 });
    const comma = crossSell((spec) => {
      spec.discount = { type: 'fixed', value: '5,25' };
    });
    expect(formToInput(comma, 'EUR').input.discount).toEqual({ type: 'fixed', value: 525 });
  });

  test('a product removed from the store since still shows, by id, so it can be removed', () => {
    const offer = { ...offerFrom(crossSellInput()), productDetails: [productDetail(2)] };
    const form = offerToForm(offer, 'USD').spec as CrossSellForm;
    expect(form.variants[0]?.products[0]).toMatchObject({ variantId: gid(1), available: false });
    expect(form.variants[0]?.products[0]?.title).toContain('1');
  });

  test('shows a short condition on one line and a long one indented', () => {
    const short = { ...crossSellInput(), condition: { country: 'CA' } };
    expect(formOf(short).common.condition).toBe('{"country":"CA"}');
    const long = {
      ...crossSellInput(),
      condition: {
        customerTags: { $in: ['vip', 'wholesale', 'staff'] },
        subtotal: { $gte: 50000 },
      },
    };
    expect(formOf(long).common.condition).toContain('\n  "customerTags"');
  });
});

describe('a new offer', () => {
  test('takes its holdout from the shop default', () => {
    expect(emptyOfferForm('cross_sell', 0.1).common.holdoutPercent).toBe('10');
    expect(emptyOfferForm('upsell', 0.07).common.holdoutPercent).toBe('7');
    expect(fractionToPercentText(0.125)).toBe('12.5');
  });

  test.each(OFFER_KINDS)('of kind %s holds only its own fields', (kind) => {
    const form = emptyOfferForm(kind, 0.1);
    const own = Object.keys(form.spec).sort();
    const expected = {
      cross_sell: ['discount', 'kind', 'variants'],
      upsell: ['discount', 'kind', 'replacement', 'triggers', 'variants'],
      cta: ['kind', 'variants'],
      exit_coupon: [
        'codeExpiryHours',
        'combinesWith',
        'discount',
        'frequencyCapHours',
        'idleSeconds',
        'kind',
        'minTimeOnPageSeconds',
        'minimumSubtotal',
        'pages',
        'sensitivity',
        'variants',
      ],
      hesitation_coupon: [
        'delaySeconds',
        'discount',
        'kind',
        'minimumSubtotal',
        'skipIfCodeApplied',
        'variants',
      ],
      next_order_coupon: ['codeExpiryDays', 'discount', 'kind', 'outcomeWindowDays', 'variants'],
    }[kind];
    expect(own).toEqual(expected);
    expect(form.spec.variants).toHaveLength(1);
  });

  test('becomes the create body once named and given a product', () => {
    const form = emptyOfferForm('cross_sell', 0.1);
    form.common.name = '  Socks with shoes ';
    form.common.holdoutPercent = '12.5';
    form.common.rules = [{ type: 'country', op: 'in', countries: ['CA'] }];
    const spec = form.spec as CrossSellForm;
    spec.variants[0]!.products = [productDetail(1)];
    expect(validateOfferForm(form, 'USD')).toEqual({
      ok: true,
      input: {
        name: 'Socks with shoes',
        kind: 'cross_sell',
        target: 'checkout_block',
        variants: [
          { heading: 'You may also like', body: '', buttonLabel: 'Add', products: [gid(1)] },
        ],
        discount: null,
        condition: { country: { $in: ['CA'] } },
        priority: 0,
        startsAt: null,
        endsAt: null,
        holdout: 0.125,
      },
    });
  });

  test.each(OFFER_KINDS)('of kind %s says what is missing, in the contract’s words', (kind) => {
    const errors = errorsOf(validateOfferForm(emptyOfferForm(kind, 0.1), 'USD'));
    expect(errors.name).toBe('Enter a name for this offer.');
    if (kind === 'cross_sell')
      expect(errors['variants.0.products']).toBe('Pick at least one product.');
    if (kind === 'upsell') {
      expect(errors.triggers).toBe('Pick at least one trigger product.');
      expect(errors.replacement).toBe('Pick a product variant from the store.');
    }
  });
});

describe('validation messages come from the contract', () => {
  test('an over-long heading on variant B is shown on variant B’s heading', () => {
    const form = crossSell((spec) => {
      spec.variants[1]!.heading = 'x'.repeat(LIMITS.heading + 1);
    });
    const message = errorsOf(validateOfferForm(form, 'USD'))['variants.1.heading'];
    expect(message).toBe(`Use ${LIMITS.heading} characters or fewer.`);
    expect(message).toBe(contractMessage(formToInput(form, 'USD').input, 'variants.1.heading'));
  });

  test('four products in one variant', () => {
    const form = crossSell((spec) => {
      spec.variants[0]!.products = [1, 2, 3, 4].map((n) => productDetail(n));
    });
    const message = errorsOf(validateOfferForm(form, 'USD'))['variants.0.products'];
    expect(message).toBe(`Pick at most ${LIMITS.productsPerVariant} products.`);
    expect(message).toBe(contractMessage(formToInput(form, 'USD').input, 'variants.0.products'));
  });

  test.each(['javascript:alert(1)', 'http://example.com', '//evil.example'])(
    'a banner link to %s',
    (url) => {
      const form = formOf(ctaInput());
      (form.spec as CtaForm).variants[0]!.linkUrl = url;
      const message = errorsOf(validateOfferForm(form, 'USD'))['variants.0.linkUrl'];
      expect(message).toBe('Use an https:// address or a path on your store starting with /.');
      expect(message).toBe(contractMessage(formToInput(form, 'USD').input, 'variants.0.link.url'));
    },
  );

  test('a link switched on without a label', () => {
    const form = formOf(ctaInput());
    (form.spec as CtaForm).variants[1]!.hasLink = true;
    (form.spec as CtaForm).variants[1]!.linkUrl = '/pages/faq';
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      'variants.1.linkLabel': 'Enter a link label.',
    });
  });

  test('a 95% discount', () => {
    const form = crossSell((spec) => {
      spec.discount = { type: 'percentage', value: '95' };
    });
    const message = errorsOf(validateOfferForm(form, 'USD'))['discount.value'];
    expect(message).toBe(`Use at most ${LIMITS.percentOffMax}%.`);
    expect(message).toBe(contractMessage(formToInput(form, 'USD').input, 'discount.value'));
  });

  test('an upsell offering one of its own triggers', () => {
    const form = formOf(upsellInput());
    (form.spec as UpsellForm).replacement = productDetail(1);
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      replacement: 'The upgrade must be a different variant from the trigger products.',
    });
  });

  test('eleven trigger products', () => {
    const form = formOf(upsellInput());
    (form.spec as UpsellForm).triggers = Array.from({ length: 11 }, (_, n) =>
      productDetail(n + 10),
    );
    expect(errorsOf(validateOfferForm(form, 'USD')).triggers).toBe(
      `Pick at most ${LIMITS.triggers} trigger products.`,
    );
  });

  test('a fourth content variant', () => {
    const form = formOf(ctaInput());
    const spec = form.spec as CtaForm;
    spec.variants.push({ ...spec.variants[0]! });
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      variants: `Use at most ${LIMITS.variants} content variants.`,
    });
  });

  test.each([
    ['60', 'Use a holdout from 0 to 50%.'],
    ['-1', 'Use a holdout from 0 to 50%.'],
  ])('a holdout of %s%%', (holdoutPercent, message) => {
    const form = formOf(crossSellInput());
    form.common.holdoutPercent = holdoutPercent;
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({ holdoutPercent: message });
  });

  test.each(['0', '50', '33.3'])('accepts a holdout of %s%%', (holdoutPercent) => {
    const form = formOf(crossSellInput());
    form.common.holdoutPercent = holdoutPercent;
    expect(validateOfferForm(form, 'USD').ok).toBe(true);
  });

  test.each([
    ['1.5', 'Enter a whole number.'],
    ['5000', 'Use a number from -1000 to 1000.'],
  ])('a priority of %s', (priority, message) => {
    const form = formOf(crossSellInput());
    form.common.priority = priority;
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({ priority: message });
  });

  test('a schedule that ends before it starts', () => {
    const form = formOf(crossSellInput());
    form.common.startsAt = '2030-01-02T09:00';
    form.common.endsAt = '2030-01-01T09:00';
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      endsAt: 'The end must be after the start.',
    });
  });

  test('an issue the contract words no message for is not shown in zod’s words', () => {
    const form = formOf(crossSellInput());
    form.common.startsAt = '1960-01-01T00:00';
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({ startsAt: 'Check this value.' });
  });
});

describe('text that is not yet a value', () => {
  test.each([
    ['holdoutPercent', 'ten'],
    ['priority', ''],
    ['startsAt', 'tomorrow'],
    ['condition', '{oops'],
  ] as const)('%s "%s" is named and left out of the input', (field, text) => {
    const form = formOf(crossSellInput());
    form.common[field] = text;
    // Typed JSON is what is saved only for a custom condition (no rules).
    if (field === 'condition') form.common.rules = null;
    const { input, errors } = formToInput(form, 'USD');
    expect(Object.keys(errors)).toEqual([field]);
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual(errors);
    expect(input).not.toHaveProperty(field === 'holdoutPercent' ? 'holdout' : field);
  });

  test.each([
    ['5.001', 'USD', 'Use at most 2 decimal places.'],
    ['5.5', 'JPY', 'Enter a whole amount; JPY has no minor unit.'],
    ['five', 'USD', 'Enter an amount such as 12.34.'],
  ])('a fixed discount of "%s" %s', (value, currency, message) => {
    const form = crossSell((spec) => {
      spec.discount = { type: 'fixed', value };
    });
    expect(errorsOf(validateOfferForm(form, currency))).toEqual({ 'discount.value': message });
  });

  test('a fixed discount of zero is the contract’s to refuse', () => {
    const form = crossSell((spec) => {
      spec.discount = { type: 'fixed', value: '0.00' };
    });
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      'discount.value': 'Use an amount above zero.',
    });
  });
});

describe('targeting condition', () => {
  test('is optional', () => {
    expect(parseCondition('  ')).toEqual({ ok: true, value: null });
  });

  test('must be valid JSON', () => {
    const result = parseCondition('{"country": "CA",}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Enter valid JSON/);
  });

  test.each(['[]', '"US"', '42', 'null'])('must be an object, not %s', (text) => {
    const result = parseCondition(text);
    expect(!result.ok && result.error).toMatch(/must be a JSON object/);
  });
});

describe('targeting rules in the form', () => {
  test('an offer’s condition opens as rules and saves back unchanged', () => {
    const form = formOf(crossSellInput());
    expect(form.common.rules).toEqual([
      { type: 'subtotal', op: 'gte', amount: '50.00', currency: 'USD' },
    ]);
  });

  test('an incomplete rule is named on its own input and blocks saving', () => {
    const form = formOf(crossSellInput());
    form.common.rules = [{ type: 'subtotal', op: 'gte', amount: '50.001', currency: 'USD' }];
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      'rules.subtotal': 'Use at most 2 decimal places.',
    });
  });

  test('a custom condition (no rules) is saved as its JSON', () => {
    const custom = {
      ...crossSellInput(),
      condition: { $or: [{ country: 'CA' }, { loggedIn: true }] },
    };
    const form = formOf(custom);
    expect(form.common.rules).toBeNull();
    expect(validateOfferForm(form, 'USD')).toEqual({ ok: true, input: custom });
  });

  test('a condition over the contract’s size limit is the contract’s to refuse, on the JSON', () => {
    const form = formOf(crossSellInput());
    const products = Array.from({ length: 20 }, (_, n) => ({
      id: `gid://shopify/Product/${'9'.repeat(18)}${n}`,
      title: null,
    }));
    form.common.rules = [
      { type: 'products', op: 'any', products },
      { type: 'locale', languages: Array.from({ length: 600 }, (_, n) => `en-x${n}`).join(', ') },
    ];
    expect(errorsOf(validateOfferForm(form, 'USD'))).toEqual({
      condition: 'The condition is too large.',
    });
  });
});
