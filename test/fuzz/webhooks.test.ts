import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signWebhookBody, webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload, refundPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import {
  type Answer,
  check,
  checkUnchanged,
  fuzz,
  isSuccess,
  StoreWatch,
  send,
} from './harness.js';
import {
  deepNesting,
  hostileBody,
  hostileHeaderValue,
  hostileValue,
  shortHostileString,
  toJsonText,
} from './hostile-values.js';
import { FUZZ_RUNS } from './plan.js';

/**
 * Hostile bodies to every webhook topic, signed with the app secret as Shopify signs them (so they
 * pass the HMAC check and reach the handlers), plus forged signatures, odd headers, other shops and
 * replays of earlier webhook ids. A signed delivery is recorded once: processed, or quarantined
 * when its payload can never be accepted; a replay changes nothing; a refused one stores nothing.
 */
let t: TestApp;
let watch: StoreWatch;
let offerId: string;
/** Receives the destructive topics (uninstall, shop redact), so the other shops keep their data. */
const VICTIM = 'shop-victim.myshopify.com';

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput());
  offerId = created.body.offer.id;
  await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`);
  // Shop B has data of every kind for shop/redact to erase.
  const theirs = await adminCall(t, SHOP_B, 'POST', '/offers', crossSellInput());
  await adminCall(t, SHOP_B, 'POST', `/offers/${theirs.body.offer.id}/activate`);
  watch = new StoreWatch(t);
}, 60_000);
afterAll(() => t.close());

// Few order ids, so refunds find their orders and orders are delivered more than once.
const orderId = fc.integer({ min: 1, max: 40 }).map((n) => 7_000_000 + n);
const amount = fc.integer({ min: 0, max: 50_000_00 }).map((cents) => (cents / 100).toFixed(2));
const money = (value: string) => ({
  shop_money: { amount: value, currency_code: 'USD' },
  presentment_money: { amount: value, currency_code: 'USD' },
});

const validOrder = fc
  .record({
    id: orderId,
    subtotal: amount,
    price: amount,
    quantity: fc.integer({ min: 0, max: 1_000 }),
    property: fc.option(
      fc.oneof(fc.constant('treatment'), fc.constant('holdout'), shortHostileString),
    ),
    checkoutToken: fc.option(shortHostileString.filter((s) => s.length <= 255)),
    // Note attribute values are any JSON Shopify passes through from the storefront.
    note: fc.oneof(
      { weight: 3, arbitrary: shortHostileString },
      { weight: 1, arbitrary: hostileValue },
      { weight: 1, arbitrary: deepNesting },
    ),
  })
  .map(({ id, subtotal, price, quantity, property, checkoutToken, note }) =>
    orderPayload({
      id,
      checkout_token: checkoutToken ?? `ct_${id}`,
      note_attributes: [{ name: '_closer_visitor', value: note }],
      subtotal_price: subtotal,
      subtotal_price_set: money(subtotal),
      line_items: [
        {
          id: 1,
          product_id: 1009,
          variant_id: 20081,
          quantity,
          price,
          price_set: money(price),
          discount_allocations: [],
          properties:
            property === null ? [] : [{ name: '_closer_offer', value: `${offerId}:${property}` }],
        },
      ],
    }),
  );

const validRefund = fc
  .tuple(orderId, amount, fc.integer({ min: 1, max: 200 }))
  .map(([order, value, id]) => refundPayload(order, value, 9_000_000 + id));

const customerRequest = fc.record({
  customer: fc.record({ id: fc.integer({ min: 1, max: 1_000 }) }),
  orders_to_redact: fc.array(orderId, { maxLength: 3 }),
});

const TOPICS = {
  'orders/create': validOrder,
  'refunds/create': validRefund,
  'customers/data_request': customerRequest,
  'customers/redact': customerRequest,
  'app/scopes_update': fc.record({
    current: fc.array(fc.constantFrom('read_orders', 'read_products')),
  }),
  'app/uninstalled': fc.record({ id: fc.nat() }),
  'shop/redact': fc.record({ shop_id: fc.nat(), shop_domain: fc.constant(VICTIM) }),
} as const satisfies Record<string, fc.Arbitrary<unknown>>;
type Topic = keyof typeof TOPICS;
const DESTRUCTIVE: Topic[] = ['app/uninstalled', 'shop/redact'];
const SHOP_TABLES = [
  'shops',
  'shopify_sessions',
  'orders',
  'refunds',
  'attributed_lines',
  'offers',
  'experiments',
  'exposures',
  'events',
  'arm_daily',
  'pixel_events',
  'webhook_deliveries',
  'quarantined_webhooks',
  'shop_publications',
];

/** What to do to the headers Shopify would send. */
const headerChange = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'forged-hmac',
        'missing-hmac',
        'missing-topic',
        'missing-domain',
        'missing-version',
        'missing-webhook-id',
        'events-type',
        'other-topic',
      )
      .map((kind) => ({ kind })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        header: fc.constantFrom(
          'x-shopify-webhook-id',
          'x-shopify-event-id',
          'x-shopify-shop-domain',
          'x-shopify-api-version',
          'x-shopify-triggered-at',
          'x-shopify-topic',
        ),
        value: hostileHeaderValue,
      })
      .map((change) => ({ kind: 'hostile-header' as const, ...change })),
  },
  // A webhook id seen before: a retry of an earlier delivery.
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => ({ kind: 'replay' as const, n })),
  },
);

const delivery = fc.constantFrom(...(Object.keys(TOPICS) as Topic[])).chain((topic) =>
  fc.record({
    topic: fc.constant(topic),
    shop: DESTRUCTIVE.includes(topic)
      ? fc.constantFrom(VICTIM, SHOP_B)
      : fc.constantFrom(SHOP_A, SHOP_A, SHOP_B, VICTIM),
    body: fc.oneof(
      { weight: 2, arbitrary: TOPICS[topic].map(toJsonText) },
      { weight: 5, arbitrary: hostileBody(TOPICS[topic] as fc.Arbitrary<unknown>) },
    ),
    change: headerChange,
  }),
);

type Delivery = typeof delivery extends fc.Arbitrary<infer D> ? D : never;

function headersFor({ topic, shop, body, change }: Delivery): Record<string, string> {
  const ids = change.kind === 'replay' ? { webhookId: `replayed-${change.n}` } : {};
  const headers = webhookHeaders(t.secrets.apiSecret, shop, topic, body, ids);
  switch (change.kind) {
    case 'forged-hmac':
      headers['x-shopify-hmac-sha256'] = signWebhookBody(`${t.secrets.apiSecret}x`, body);
      break;
    case 'missing-hmac':
      delete headers['x-shopify-hmac-sha256'];
      break;
    case 'missing-topic':
      delete headers['x-shopify-topic'];
      break;
    case 'missing-domain':
      delete headers['x-shopify-shop-domain'];
      break;
    case 'missing-version':
      delete headers['x-shopify-api-version'];
      break;
    case 'missing-webhook-id':
      delete headers['x-shopify-webhook-id'];
      break;
    case 'events-type':
      headers['shopify-hmac-sha256'] = headers['x-shopify-hmac-sha256'] as string;
      break;
    case 'other-topic':
      headers['x-shopify-topic'] = topic === 'orders/create' ? 'refunds/create' : 'orders/create';
      break;
    case 'hostile-header':
      if (change.value === '') delete headers[change.header];
      else headers[change.header] = change.value;
      break;
  }
  return headers;
}

async function rowExists(sql: string, args: string[]) {
  const result = await t.ctx.dbClient.execute({ sql, args });
  return result.rows.length > 0;
}

const runs: Record<string, number> = {};
/** How deliveries ended, to show the inputs reach every outcome. */
const outcomes = new Map<string, number>();
const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

describe('webhooks under hostile input', () => {
  test('a signed delivery is recorded once (processed or quarantined), a replay changes nothing, a refused one stores nothing', async () => {
    runs.webhooks = await fuzz('webhooks', delivery, async (input) => {
      const headers = headersFor(input);
      const what = `POST /webhooks/${input.topic} for ${input.shop} (${input.change.kind})`;
      const exchange = await watch.exchange(what, () =>
        send(t, `/webhooks/${input.topic}`, { method: 'POST', headers, body: input.body }),
      );
      const { answer, grew } = exchange;
      const signedByShopify = ['none', 'replay'].includes(input.change.kind);
      if (['forged-hmac', 'missing-hmac'].includes(input.change.kind)) {
        check(answer.status === 401, what, answer, 'an unsigned delivery was not a 401');
      }
      if (!isSuccess(answer)) {
        count('refused');
        return;
      }
      check(
        signedByShopify || input.change.kind === 'hostile-header',
        what,
        answer,
        'a delivery Shopify did not sign as sent was accepted',
      );
      const result = answer.json as { ok?: boolean; duplicate?: boolean; quarantined?: boolean };
      check(result.ok === true, what, answer, 'a 2xx webhook answer is {ok:true,…}');
      count(result.duplicate ? 'duplicate' : result.quarantined ? 'quarantined' : 'processed');
      if (result.duplicate) {
        checkUnchanged(what, answer, exchange.before, exchange.after);
        return;
      }
      const shop = (headers['x-shopify-shop-domain'] ?? '').toLowerCase();
      if (input.topic === 'shop/redact') {
        // Erasure covers the shop's delivery records too, this one included.
        for (const table of SHOP_TABLES)
          check(
            !(await rowExists(`select 1 from ${table} where shop = ?`, [shop])),
            what,
            answer,
            `shop/redact left rows in ${table}`,
          );
        return;
      }
      check(grew('webhook_deliveries') === 1, what, answer, 'the delivery is recorded once');
      const webhookId = headers['x-shopify-webhook-id'] ?? '';
      check(
        await rowExists('select 1 from webhook_deliveries where shop = ? and webhook_id = ?', [
          shop,
          webhookId,
        ]),
        what,
        answer,
        'the delivery is recorded under its shop and webhook id',
      );
      if (result.quarantined) {
        check(grew('quarantined_webhooks') === 1, what, answer, 'quarantined once');
        for (const table of ['orders', 'refunds', 'attributed_lines'])
          check(grew(table) === 0, what, answer, `a quarantined payload changed ${table}`);
        return;
      }
      check(grew('quarantined_webhooks') === 0, what, answer, 'processed and quarantined');
      await checkProcessed(input.topic, shop, JSON.parse(input.body), what, answer);
    });
  }, 300_000);

  test('every planned input ran, reaching every outcome', () => {
    expect(runs.webhooks).toBe(FUZZ_RUNS.webhooks);
    for (const outcome of ['refused', 'duplicate', 'quarantined', 'processed'])
      expect(outcomes.get(outcome), outcome).toBeGreaterThan(FUZZ_RUNS.webhooks / 50);
  });
});

/** What a processed delivery of each kind must have left in the store. */
async function checkProcessed(
  topic: Topic,
  shop: string,
  payload: { id?: unknown; order_id?: unknown },
  what: string,
  answer: Answer,
) {
  if (topic === 'orders/create') {
    check(
      await rowExists('select 1 from orders where shop = ? and order_id = ?', [
        shop,
        String(payload.id),
      ]),
      what,
      answer,
      'a processed order is stored',
    );
  }
  if (topic === 'refunds/create') {
    check(
      await rowExists('select 1 from refunds where shop = ? and refund_id = ?', [
        shop,
        String(payload.id),
      ]),
      what,
      answer,
      'a processed refund is stored',
    );
  }
}
