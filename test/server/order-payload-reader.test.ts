// The hand-written order payload reader (server/domain/order-payload.ts) must give exactly what
// the zod schema gives, or give up: it may decline a payload the schema accepts, never accept one
// the schema refuses, and never read one differently.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { orderPayloadSchema, readOrderPayload } from '../../server/domain/order-payload.js';
import { hostileBody, mutate, mutations, toJsonText } from '../fuzz/hostile-values.js';
import { orderPayload } from '../helpers/order-payloads.js';

/** What the schema makes of a payload, null when it refuses it. */
function schemaRead(input: unknown) {
  const result = orderPayloadSchema.safeParse(input);
  return result.success ? result.data : null;
}

/** Whether the reader read it (and then exactly as the schema does) rather than declining. */
function expectSameOrDeclined(input: unknown): boolean {
  const read = readOrderPayload(input);
  if (read === null) return false;
  // toStrictEqual: the same keys present (an absent optional field stays absent), same values.
  expect(read).toStrictEqual(schemaRead(input));
  return true;
}

const money = (amount: string, currency = 'USD') => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});

/** Valid payloads of the shapes Shopify sends, with the optional fields varied. */
const validOrder = fc
  .record({
    idAsString: fc.boolean(),
    nulls: fc.boolean(),
    dropOptional: fc.boolean(),
    numericMoney: fc.boolean(),
    lines: fc.integer({ min: 0, max: 4 }),
    attribute: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
  })
  .map(({ idAsString, nulls, dropOptional, numericMoney, lines, attribute }) => {
    const base = orderPayload() as Record<string, unknown>;
    const order: Record<string, unknown> = {
      ...base,
      id: idAsString ? String(base.id) : base.id,
      note_attributes: [{ name: '_closer_vid', value: attribute }],
      line_items: Array.from({ length: lines }, (_, i) => ({
        id: i + 1,
        product_id: nulls ? null : 1005,
        variant_id: String(20041 + i),
        quantity: i,
        price: numericMoney ? 30 : '30.00',
        price_set: money('30.00'),
        discount_allocations: nulls ? null : [{ amount: '1.00', amount_set: money('1.00') }],
        properties: [{ name: '_closer_offer', value: `off_${i}:treatment` }],
        tax_lines: [{ price: '1.00', rate: 0.1 }],
      })),
    };
    if (nulls) {
      order.customer = null;
      order.total_tax_set = null;
      order.name = null;
    }
    if (dropOptional) {
      for (const key of ['cart_token', 'total_price', 'total_tax', 'created_at', 'customer'])
        delete order[key];
    }
    return order;
  });

describe('the hand-written order payload reader', () => {
  test('reads the payloads Shopify sends exactly as the schema does (it is not always declining)', () => {
    fc.assert(
      fc.property(validOrder, (order) => {
        const input = JSON.parse(JSON.stringify(order));
        const read = readOrderPayload(input);
        expect(read).not.toBeNull();
        expect(read).toStrictEqual(schemaRead(input));
      }),
      { numRuns: 300 },
    );
  });

  test('on hostile payloads it agrees with the schema or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(hostileBody(validOrder), (body) => {
        let input: unknown;
        try {
          input = JSON.parse(body);
        } catch {
          return; // not JSON: the route refuses it before any reader
        }
        if (expectSameOrDeclined(input)) read += 1;
      }),
      { numRuns: 2000 },
    );
    // Mutations of fields it does not read leave payloads it reads: the comparison ran.
    expect(read).toBeGreaterThan(0);
  });

  test('mutated in several places at once, it still agrees or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(validOrder, mutations, mutations, (order, first, second) => {
        const input = JSON.parse(toJsonText(mutate(mutate(order, first), second)));
        if (expectSameOrDeclined(input)) read += 1;
      }),
      { numRuns: 1000 },
    );
    expect(read).toBeGreaterThan(0);
  });

  test('declines what only the schema may judge: non-primitive attribute values, bounds, wrong types', () => {
    const order = orderPayload() as Record<string, unknown>;
    const declined = [
      { ...order, note_attributes: [{ name: 'a', value: { nested: true } }] },
      { ...order, note_attributes: [{ name: 'a' }] },
      { ...order, currency: 'US' },
      { ...order, id: true },
      { ...order, subtotal_price: Number.POSITIVE_INFINITY },
      { ...order, line_items: [{ id: 1, quantity: 1.5 }] },
      { ...order, line_items: [{ id: 1, quantity: -1 }] },
      { ...order, line_items: 'none' },
      { ...order, name: 'n'.repeat(256) },
      { ...order, total_price_set: { shop_money: { amount: '1.00', currency_code: 'USDX' } } },
      [order],
    ];
    for (const input of declined) expect(readOrderPayload(input)).toBeNull();
  });
});
