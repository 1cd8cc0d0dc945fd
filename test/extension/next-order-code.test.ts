// The Thank you block's pure logic: whose page it is, how it asks for the code and reads the
// answer (a holdout's 404 or any failure shows nothing), and the expiry in the buyer's language.
import type { Api as ThankYouApi } from '@shopify/ui-extensions/purchase.thank-you.block.render';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  formatExpiry,
  parseNextOrderCode,
  requestNextOrderCode,
  thankYouCustomer,
} from '../../extension/checkout/src/next-order-code';
import type { ThankYouHost } from '../../extension/checkout/src/thank-you-host';

const identity = (id: string | undefined) => ({
  buyerIdentity: { customer: { value: id === undefined ? undefined : { id } } },
});

test("Shopify's Api for the Thank you target satisfies the surface the block uses", () => {
  expectTypeOf<ThankYouApi>().toExtend<ThankYouHost>();
});

describe('thankYouCustomer', () => {
  test('is the numeric id of the buyer identity’s customer GID', () => {
    expect(thankYouCustomer(identity('gid://shopify/Customer/7001'))).toBe('7001');
  });
  test.each([
    ['no customer', undefined],
    ['another resource', 'gid://shopify/Order/7001'],
    ['a bare number', '7001'],
    ['junk after the id', 'gid://shopify/Customer/70x'],
  ])('is null for %s', (_, id) => {
    expect(thankYouCustomer(identity(id))).toBeNull();
  });
  test('is null without protected customer data access (no buyerIdentity at all)', () => {
    expect(thankYouCustomer({})).toBeNull();
  });
});

describe('requestNextOrderCode', () => {
  const answer = {
    code: 'EXIT-ABCDEFGHJK',
    expiresAt: Date.UTC(2026, 11, 30),
    discount: { type: 'percentage', value: 10 },
  };

  test('posts the offer and the customer GID with the session token and reads the code', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const code = await requestNextOrderCode(
      async (url, init) => {
        calls.push({ url, init });
        return { status: 200, json: async () => answer };
      },
      'https://closer.test/api/checkout/coupons',
      'tok',
      'off_1',
      '7001',
    );
    expect(code).toEqual(answer);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    if (!call) throw new Error('no request');
    expect(call.url).toBe('https://closer.test/api/checkout/coupons');
    expect(call.init.method).toBe('POST');
    expect((call.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(call.init.body))).toEqual({
      offerId: 'off_1',
      customerId: 'gid://shopify/Customer/7001',
    });
  });

  test.each([
    ['a holdout 404', async () => ({ status: 404, json: async () => ({ error: {} }) })],
    ['a 503 while the pool refills', async () => ({ status: 503, json: async () => ({}) })],
    ['a network failure', async () => Promise.reject(new TypeError('offline'))],
    ['a malformed body', async () => ({ status: 200, json: async () => ({ code: 5 }) })],
  ])('is null for %s', async (_, fetchImpl) => {
    expect(await requestNextOrderCode(fetchImpl, 'https://x/api', 't', 'o', '1')).toBeNull();
  });
});

describe('parseNextOrderCode', () => {
  test('needs a code, a numeric expiry and a known discount type', () => {
    const ok = { code: 'C', expiresAt: 1, discount: { type: 'fixed', value: 500 } };
    expect(parseNextOrderCode(ok)).toEqual(ok);
    expect(parseNextOrderCode({ ...ok, code: '' })).toBeNull();
    expect(parseNextOrderCode({ ...ok, expiresAt: '1' })).toBeNull();
    expect(parseNextOrderCode({ ...ok, discount: { type: 'bogo', value: 1 } })).toBeNull();
    expect(parseNextOrderCode(null)).toBeNull();
  });
});

describe('formatExpiry', () => {
  const at = Date.UTC(2026, 11, 30, 12);
  test('is a date in the buyer’s language', () => {
    expect(formatExpiry(at, 'en')).toBe('Dec 30, 2026');
    expect(formatExpiry(at, 'fr')).toBe('30 déc. 2026');
  });
  test('falls back to English for a tag Intl refuses', () => {
    expect(formatExpiry(at, 'not a language!')).toBe('Dec 30, 2026');
  });
});
