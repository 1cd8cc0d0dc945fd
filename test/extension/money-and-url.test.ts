import { describe, expect, test } from 'vitest';
import { resolveAppUrl } from '../../extension/checkout/src/app-url';
import { formatOfferPrice, toMinorUnits } from '../../extension/checkout/src/money';
import { fakeHost } from './fake-host';

describe('money', () => {
  test('converts checkout decimals to minor units per currency', () => {
    expect(toMinorUnits(12.5, 'USD')).toBe(1250);
    expect(toMinorUnits(1200, 'JPY')).toBe(1200);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234);
  });

  test('formats the price with the checkout i18n, only in the currency it was published in', () => {
    const { i18n } = fakeHost();
    expect(formatOfferPrice(i18n, { amount: 1200, currencyCode: 'USD' }, 'USD')).toBe('$12.00');
    expect(formatOfferPrice(i18n, { amount: 1200, currencyCode: 'USD' }, 'EUR')).toBeNull();
  });
});

describe('resolveAppUrl', () => {
  test('prefers the build-time APP_URL, without a trailing slash', () => {
    expect(resolveAppUrl('https://cdn.shopify.com/x.js', 'https://closer.example.com/')).toBe(
      'https://closer.example.com',
    );
  });

  test('without one, uses the origin that served the bundle (the demo sandbox)', () => {
    expect(resolveAppUrl('http://127.0.0.1:3000/sandbox/extension/closer-checkout.js', '')).toBe(
      'http://127.0.0.1:3000',
    );
  });
});
