/** Builders for Shopify's REST-shaped webhook payloads (only the fields Closer reads, plus noise). */
let nextId = 5_000_000;

export function orderPayload(overrides: Record<string, unknown> = {}) {
  nextId += 1;
  const money = (amount: string, currency = 'USD') => ({
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  });
  return {
    id: nextId,
    admin_graphql_api_id: `gid://shopify/Order/${nextId}`,
    name: `#${nextId}`,
    email: 'shopper@example.com',
    checkout_token: `ct_${nextId}`,
    cart_token: null,
    currency: 'USD',
    customer: { id: 777, email: 'shopper@example.com', first_name: 'Sam' },
    subtotal_price: '64.00',
    subtotal_price_set: money('64.00'),
    total_price: '70.40',
    total_price_set: money('70.40'),
    total_discounts: '6.00',
    total_discounts_set: money('6.00'),
    total_tax: '6.40',
    total_tax_set: money('6.40'),
    created_at: '2026-11-20T10:00:00-05:00',
    note_attributes: [{ name: '_closer_visitor', value: 'v_123' }],
    line_items: [
      {
        id: 1,
        product_id: 1005,
        variant_id: 20041,
        quantity: 2,
        price: '30.00',
        price_set: money('30.00'),
        discount_allocations: [{ amount: '6.00', amount_set: money('6.00') }],
        properties: [],
      },
      {
        id: 2,
        product_id: 1009,
        variant_id: 20081,
        quantity: 1,
        price: '10.00',
        price_set: money('10.00'),
        discount_allocations: [],
        properties: [{ name: '_closer_offer', value: 'off_1:treatment' }],
      },
    ],
    ...overrides,
  };
}

export function refundPayload(orderId: number | string, amount: string, id = nextId++) {
  return {
    id,
    order_id: orderId,
    created_at: '2026-11-21T10:00:00Z',
    refund_line_items: [
      {
        id: 1,
        quantity: 1,
        line_item_id: 2,
        subtotal: amount,
        subtotal_set: { shop_money: { amount, currency_code: 'USD' } },
      },
    ],
    transactions: [{ amount, kind: 'refund', status: 'success' }],
  };
}
