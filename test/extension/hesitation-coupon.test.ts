import { describe, expect, test, vi } from 'vitest';
import { compileKindContent } from '../../core/offers/compile-content';
import type { PublishedDiscount, PublishedTrigger } from '../../core/offers/published-config';
import { couponMinimum, couponSaving } from '../../extension/checkout/src/kinds/coupon-text';
import {
  hasCode,
  systemClock,
  triggerBlocked,
  triggerDelay,
  triggerStart,
  triggerStartKey,
} from '../../extension/checkout/src/trigger';
import { fakeHost } from './fake-host';

const TRIGGER: PublishedTrigger = { afterSeconds: 45, unlessCodeApplied: true };
const PERCENT: PublishedDiscount = {
  code: 'CLOSER-ABC',
  type: 'percentage',
  value: 10,
  appliesTo: 'order',
};
const codes = (...list: string[]) => ({ value: list.map((code) => ({ code })) });
const subtotal = (amount: number, currencyCode = 'USD') => ({
  subtotalAmount: { value: { amount, currencyCode } },
});

describe('when the hesitation trigger is due', () => {
  test('counts from the start kept for this checkout, else from now', () => {
    expect(triggerStart(1_000, 5_000)).toBe(1_000);
    expect(triggerStart(null, 5_000)).toBe(5_000);
    // A start from the future (another clock) or of another type is not trusted.
    expect(triggerStart(9_000, 5_000)).toBe(5_000);
    expect(triggerStart('1000', 5_000)).toBe(5_000);
    expect(triggerStart(Number.NaN, 5_000)).toBe(5_000);
  });

  test('is due the set seconds after the start, and stays due', () => {
    expect(triggerDelay(TRIGGER, 10_000, 10_000)).toBe(45_000);
    expect(triggerDelay(TRIGGER, 10_000, 54_999)).toBe(1);
    expect(triggerDelay(TRIGGER, 10_000, 55_000)).toBe(0);
    expect(triggerDelay(TRIGGER, 10_000, 99_000)).toBe(0);
  });

  test('keeps one start per offer and checkout', () => {
    expect(triggerStartKey('off_1', 'ct_1')).not.toBe(triggerStartKey('off_1', 'ct_2'));
    expect(triggerStartKey('off_1', 'ct_1')).not.toBe(triggerStartKey('off_2', 'ct_1'));
  });

  test('the real clock schedules with setTimeout and cancels', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      systemClock.after(1_000, run);
      vi.advanceTimersByTime(999);
      expect(run).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(run).toHaveBeenCalledTimes(1);
      const never = vi.fn();
      systemClock.after(1_000, never)();
      vi.advanceTimersByTime(5_000);
      expect(never).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what holds a due trigger back (for both arms alike)', () => {
  test('another code on the checkout, when the merchant said so', () => {
    const host = fakeHost({ discountCodes: codes('SPRING10') });
    expect(triggerBlocked(TRIGGER, PERCENT, host, 'USD')).toBe('code_applied');
    expect(
      triggerBlocked({ ...TRIGGER, unlessCodeApplied: false }, PERCENT, host, 'USD'),
    ).toBeNull();
  });

  test("the offer's own code does not count, whatever its case", () => {
    const host = fakeHost({ discountCodes: codes('closer-abc') });
    expect(triggerBlocked(TRIGGER, PERCENT, host, 'USD')).toBeNull();
    expect(hasCode(host.discountCodes.value, 'CLOSER-ABC')).toBe(true);
    expect(hasCode(host.discountCodes.value, 'CLOSER-XYZ')).toBe(false);
    expect(
      triggerBlocked(TRIGGER, PERCENT, fakeHost({ discountCodes: codes() }), 'USD'),
    ).toBeNull();
  });

  test('a subtotal below the minimum, in the shop currency; another currency is left to Shopify', () => {
    const minimum = { ...PERCENT, minimumSubtotal: 5_000 };
    const below = fakeHost({ cost: subtotal(49.99) });
    expect(triggerBlocked(TRIGGER, minimum, below, 'USD')).toBe('below_minimum');
    expect(triggerBlocked(TRIGGER, minimum, fakeHost({ cost: subtotal(50) }), 'USD')).toBeNull();
    expect(
      triggerBlocked(TRIGGER, minimum, fakeHost({ cost: subtotal(10, 'EUR') }), 'USD'),
    ).toBeNull();
    expect(triggerBlocked(TRIGGER, PERCENT, below, 'USD')).toBeNull();
  });
});

describe('the coupon in the buyer’s words', () => {
  const i18n = fakeHost({
    i18n: {
      formatCurrency: (n, options) =>
        new Intl.NumberFormat('en-US', { style: 'currency', currency: options?.currency }).format(
          n,
        ),
      translate: ((key: string, values?: Record<string, unknown>) =>
        `${key}:${JSON.stringify(values)}`) as never,
    },
  }).i18n;

  test('a percentage, or an amount off the order in the checkout currency', () => {
    expect(couponSaving(i18n, PERCENT, 'USD', 'USD')).toBe('coupon.percentOff:{"percent":10}');
    const fixed: PublishedDiscount = { ...PERCENT, type: 'fixed', value: 500 };
    expect(couponSaving(i18n, fixed, 'USD', 'USD')).toBe('coupon.amountOff:{"amount":"$5.00"}');
    // A checkout in another currency: no converted guess.
    expect(couponSaving(i18n, fixed, 'EUR', 'USD')).toBeNull();
  });

  test('the minimum, only when there is one', () => {
    expect(couponMinimum(i18n, PERCENT, 'USD', 'USD')).toBeNull();
    expect(couponMinimum(i18n, { ...PERCENT, minimumSubtotal: 5_000 }, 'USD', 'USD')).toBe(
      'coupon.minimum:{"amount":"$50.00"}',
    );
  });
});

describe('what the kind publishes', () => {
  test('its copy per arm, no product, and the trigger every arm waits for', () => {
    const compiled = compileKindContent(
      'hesitation_coupon',
      {
        kind: 'hesitation_coupon',
        variants: [
          { heading: 'A', body: 'a', buttonLabel: 'Apply code' },
          { heading: 'B', body: '', buttonLabel: 'Use it' },
        ],
        delaySeconds: 90,
        skipIfCodeApplied: false,
        discount: { type: 'fixed', value: 500 },
        minimumSubtotal: null,
      },
      ['treatment', 'treatment_b'],
      new Map(),
    );
    expect(compiled).toEqual({
      variants: {
        treatment: { heading: 'A', body: 'a', buttonLabel: 'Apply code' },
        treatment_b: { heading: 'B', body: '', buttonLabel: 'Use it' },
      },
      products: [],
      trigger: { afterSeconds: 90, unlessCodeApplied: false },
    });
  });
});
