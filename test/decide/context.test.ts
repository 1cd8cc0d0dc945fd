import { describe, expect, test } from 'vitest';
import { evaluateCondition, toConditionAttributes } from '../../core/decide/index';
import { makeContext, NOW } from './fixtures';

describe('toConditionAttributes', () => {
  test('exposes the documented attributes', () => {
    const attributes = toConditionAttributes(
      makeContext({
        cartLines: [
          { variantId: 'v1', productId: 'p1', quantity: 2 },
          { variantId: 'v2', productId: 'p1', quantity: 1 },
          { variantId: 'v3', quantity: 4 },
        ],
        customerTags: ['vip'],
        loggedIn: true,
      }),
    );
    expect(attributes).toEqual({
      subtotal: 5000,
      currency: 'USD',
      country: 'CA',
      locale: 'en-CA',
      loggedIn: true,
      customerTags: ['vip'],
      cartProductIds: ['p1'],
      cartVariantIds: ['v1', 'v2', 'v3'],
      itemCount: 7,
      lineCount: 3,
      hourOfDay: 14,
      dayOfWeek: 0,
    });
  });

  test('reports unknown country and locale as null so $exists and null match', () => {
    const attributes = toConditionAttributes(
      makeContext({ country: undefined, locale: undefined }),
    );
    expect(evaluateCondition({ country: { $exists: false } }, attributes)).toBe(true);
    expect(evaluateCondition({ locale: null }, attributes)).toBe(true);
  });

  test('uses UTC for time-of-day attributes', () => {
    const attributes = toConditionAttributes(makeContext({ now: NOW + 10 * 3_600_000 }));
    expect(attributes).toMatchObject({ hourOfDay: 0, dayOfWeek: 1 });
  });
});

describe('evaluateCondition', () => {
  const attributes = toConditionAttributes(
    makeContext({ customerTags: ['vip', 'wholesale'], loggedIn: true }),
  );

  test('targets everyone when the condition is missing or empty', () => {
    expect(evaluateCondition(null, attributes)).toBe(true);
    expect(evaluateCondition(undefined, attributes)).toBe(true);
    expect(evaluateCondition({}, attributes)).toBe(true);
  });

  test('matches a customer tag with $in', () => {
    expect(evaluateCondition({ customerTags: { $in: ['vip'] } }, attributes)).toBe(true);
    expect(evaluateCondition({ customerTags: { $in: ['staff'] } }, attributes)).toBe(false);
  });

  test('fails closed on a condition that makes the evaluator throw', () => {
    expect(evaluateCondition({ $and: null }, attributes)).toBe(false);
  });
});
