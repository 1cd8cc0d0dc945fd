import { describe, expect, test } from 'vitest';
import { toPixelEvent } from '../../extension/pixel/src/to-pixel-event';

describe('web pixel event mapping', () => {
  test('a checkout_completed event keeps only ids and the subtotal, never PII', () => {
    const mapped = toPixelEvent({
      id: 'evt-1',
      name: 'checkout_completed',
      timestamp: '2026-11-20T10:00:00.000Z',
      data: {
        checkout: {
          token: 'ct_1',
          email: 'shopper@example.com',
          order: { id: '42' },
          subtotalPrice: { amount: 64.5, currencyCode: 'USD' },
          shippingAddress: { address1: '1 Main St' },
        },
      },
    });
    expect(mapped).toEqual({
      id: 'evt-1',
      name: 'checkout_completed',
      checkoutToken: 'ct_1',
      orderId: '42',
      value: 6450,
      currency: 'USD',
      at: Date.parse('2026-11-20T10:00:00.000Z'),
    });
    expect(JSON.stringify(mapped)).not.toContain('example.com');
  });

  test('a checkout_started event carries its checkout token and no order', () => {
    const mapped = toPixelEvent({
      id: 'evt-s',
      name: 'checkout_started',
      timestamp: '2026-11-20T09:58:00.000Z',
      data: {
        checkout: {
          token: 'ct_1',
          email: 'shopper@example.com',
          order: { id: 'not-yet' },
          subtotalPrice: { amount: 64.5, currencyCode: 'USD' },
        },
      },
    });
    expect(mapped).toEqual({
      id: 'evt-s',
      name: 'checkout_started',
      checkoutToken: 'ct_1',
      orderId: null,
      value: 6450,
      currency: 'USD',
      at: Date.parse('2026-11-20T09:58:00.000Z'),
    });
    expect(JSON.stringify(mapped)).not.toContain('example.com');
  });

  test('the checkout extension’s custom event carries its checkout token', () => {
    expect(
      toPixelEvent({ id: 'e2', name: 'closer:offer_added', customData: { checkoutToken: 'ct_2' } })
        ?.checkoutToken,
    ).toBe('ct_2');
  });

  test('other events and events without an id are ignored', () => {
    expect(toPixelEvent({ id: 'e3', name: 'page_viewed' })).toBeNull();
    expect(toPixelEvent({ name: 'checkout_completed' })).toBeNull();
  });
});
