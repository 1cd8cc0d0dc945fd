import { describe, expect, test } from 'vitest';
import {
  emptyOfferForm,
  fractionToPercentText,
  type OfferFormValues,
  offerToForm,
  parseCondition,
  validateOfferForm,
} from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import { offer, productDetail } from './fixtures.js';

function validForm(overrides: Partial<OfferFormValues> = {}): OfferFormValues {
  return {
    ...emptyOfferForm(0.1),
    name: 'Socks with shoes',
    products: [productDetail(1)],
    ...overrides,
  };
}

function errorsOf(values: OfferFormValues) {
  const result = validateOfferForm(values);
  return result.ok ? {} : result.errors;
}

describe('offer form', () => {
  test('a new form takes its holdout from the shop default', () => {
    expect(emptyOfferForm(0.1).holdoutPercent).toBe('10');
    expect(emptyOfferForm(0.07).holdoutPercent).toBe('7');
    expect(fractionToPercentText(0.125)).toBe('12.5');
  });

  test('turns valid input into the API body', () => {
    const result = validateOfferForm(
      validForm({
        name: '  Socks with shoes ',
        holdoutPercent: '12.5',
        priority: '3',
        condition: '{"country": "CA"}',
      }),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Socks with shoes',
        kind: 'cross_sell',
        target: 'checkout_block',
        content: { heading: 'You may also like', body: '', buttonLabel: 'Add' },
        products: ['gid://shopify/ProductVariant/1'],
        condition: { country: 'CA' },
        priority: 3,
        startsAt: null,
        endsAt: null,
        holdout: 0.125,
      },
    });
  });

  test('an existing offer survives a round trip through the form unchanged', () => {
    const existing = offer();
    const result = validateOfferForm(offerToForm(existing));
    expect(result.ok && result.input).toEqual({
      name: existing.name,
      kind: existing.kind,
      target: existing.target,
      content: existing.content,
      products: existing.products,
      condition: existing.condition,
      priority: existing.priority,
      startsAt: existing.startsAt,
      endsAt: existing.endsAt,
      holdout: existing.holdout,
    });
  });

  test('shows a short condition on one line and a long one indented', () => {
    expect(offerToForm(offer({ condition: { country: 'CA' } })).condition).toBe('{"country":"CA"}');
    const long = {
      customerTags: { $in: ['vip', 'wholesale', 'staff'] },
      subtotal: { $gte: 50000 },
    };
    expect(offerToForm(offer({ condition: long })).condition).toContain('\n  "customerTags"');
  });

  test('requires a name, a heading, a button label and a product', () => {
    expect(errorsOf(validForm({ name: ' ', heading: '', buttonLabel: ' ', products: [] }))).toEqual(
      {
        name: expect.any(String),
        heading: expect.any(String),
        buttonLabel: expect.any(String),
        products: expect.any(String),
      },
    );
  });

  test('limits the name to 120 characters', () => {
    expect(errorsOf(validForm({ name: 'x'.repeat(120) }))).toEqual({});
    expect(errorsOf(validForm({ name: 'x'.repeat(121) }))).toHaveProperty('name');
  });

  test('allows at most three products', () => {
    const four = [1, 2, 3, 4].map((n) => productDetail(n));
    expect(errorsOf(validForm({ products: four.slice(0, 3) }))).toEqual({});
    expect(errorsOf(validForm({ products: four }))).toHaveProperty('products');
  });

  test.each(['0', '50', '33.3'])('accepts a holdout of %s%%', (holdoutPercent) => {
    expect(errorsOf(validForm({ holdoutPercent }))).toEqual({});
  });

  test.each(['-1', '50.5', '', 'ten'])('rejects a holdout of "%s"', (holdoutPercent) => {
    expect(errorsOf(validForm({ holdoutPercent }))).toHaveProperty('holdoutPercent');
  });

  test.each(['1.5', '', 'high'])('rejects a priority of "%s"', (priority) => {
    expect(errorsOf(validForm({ priority }))).toHaveProperty('priority');
  });

  test('accepts an open-ended schedule and rejects one that ends before it starts', () => {
    expect(errorsOf(validForm({ startsAt: '2030-01-01T09:00' }))).toEqual({});
    expect(errorsOf(validForm({ endsAt: '2030-01-01T09:00' }))).toEqual({});
    expect(
      errorsOf(validForm({ startsAt: '2030-01-02T09:00', endsAt: '2030-01-01T09:00' })),
    ).toEqual({ endsAt: 'The end must be after the start.' });
    expect(errorsOf(validForm({ startsAt: 'tomorrow' }))).toHaveProperty('startsAt');
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

  test('reports the error on the condition field', () => {
    expect(errorsOf(validForm({ condition: '{oops' }))).toHaveProperty('condition');
  });
});
