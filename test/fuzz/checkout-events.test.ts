import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import { experiments } from '../../drizzle/schema.js';
import { adminCall, crossSellInput, ctaInput } from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { check, fuzz, isSuccess, StoreWatch, send } from './harness.js';
import { hostileBody, hostileHeaderValue, shortHostileString } from './hostile-values.js';
import { FUZZ_RUNS } from './plan.js';

/**
 * Hostile batches to the checkout extension's events endpoint, with real session tokens. A batch
 * is stored whole or not at all; each accepted event is stored once, for the token's shop, and a
 * batch naming another shop's offer or experiment is refused.
 */
let t: TestApp;
let watch: StoreWatch;

interface Experiment {
  shop: string;
  offerId: string;
  key: string;
  arm(unit: string): string;
}
const experimentsOf: Record<string, Experiment[]> = { [SHOP_A]: [], [SHOP_B]: [] };

async function activeOffer(shop: string, input: Record<string, unknown>) {
  const created = await adminCall(t, shop, 'POST', '/offers', input);
  const id: string = created.body.offer.id;
  await adminCall(t, shop, 'POST', `/offers/${id}/activate`);
  const row = await t.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, shop), eq(experiments.key, created.body.offer.experiment.key)),
  });
  if (!row) throw new Error('setup: no experiment');
  experimentsOf[shop]?.push({
    shop,
    offerId: id,
    key: row.key,
    arm: (unit) =>
      assignArm({ key: row.key, seed: row.seed, coverage: row.coverage, arms: row.arms }, unit)
        ?.key ?? 'none',
  });
}

beforeAll(async () => {
  t = await createTestApp({
    rateLimits: {
      checkoutPerClient: { max: 1_000_000, windowMs: 60_000 },
      checkoutPerShop: { max: 1_000_000, windowMs: 60_000 },
    },
  });
  for (const shop of [SHOP_A, SHOP_B]) {
    await t.install(shop);
    await activeOffer(shop, crossSellInput({ holdout: 0.5 }));
    await activeOffer(shop, ctaInput({ holdout: 0.2 }));
  }
  watch = new StoreWatch(t);
}, 60_000);
afterAll(() => t.close());

const EVENT_TYPES = ['exposure', 'impression', 'click', 'add', 'add_error', 'dismiss'] as const;
const eventId = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
// Units are the checkout's token as the extension reads it: the server hashes and stores them.
const unit = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{4,24}$/).map((s) => `ct_${s}`),
  shortHostileString.filter((s) => s.length >= 1 && s.length <= 128),
);

/** A batch the endpoint accepts for `shop`, sometimes with one event of the other shop's. */
function validBatch(shop: string) {
  const own = experimentsOf[shop] ?? [];
  const other = experimentsOf[shop === SHOP_A ? SHOP_B : SHOP_A] ?? [];
  const event = fc
    .record({
      id: eventId,
      type: fc.constantFrom(...EVENT_TYPES),
      pick: fc.nat(),
      unit,
      at: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
      value: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
    })
    .map(({ pick, ...e }) => {
      const experiment = own[pick % own.length] as Experiment;
      return {
        ...e,
        offerId: experiment.offerId,
        experimentKey: experiment.key,
        arm: experiment.arm(e.unit),
      };
    });
  return fc
    .tuple(fc.array(event, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(), { freq: 6 }))
    .map(([events, foreignAt]) => {
      if (foreignAt === null) return { foreign: false, batch: { events } };
      const i = foreignAt % events.length;
      const theirs = other[foreignAt % other.length] as Experiment;
      const stolen = events.map((e, j) =>
        j === i
          ? { ...e, offerId: theirs.offerId, experimentKey: theirs.key, arm: theirs.arm(e.unit) }
          : e,
      );
      return { foreign: true, batch: { events: stolen } };
    });
}

const runs: Record<string, number> = {};

describe('checkout events under hostile input', () => {
  test('POST /api/checkout/events: 202 stores each new event once for the token’s shop; anything else stores nothing', async () => {
    const input = fc.constantFrom(SHOP_A, SHOP_B).chain((shop) =>
      fc.record({
        shop: fc.constant(shop),
        base: validBatch(shop),
        body: fc.option(hostileBody(validBatch(shop).map((b) => b.batch)), { freq: 3 }),
        contentType: fc.oneof(
          fc.constantFrom('application/json', 'text/plain'),
          hostileHeaderValue,
        ),
      }),
    );
    runs.checkoutEvents = await fuzz('checkoutEvents', input, async (input) => {
      // Either a whole valid batch (possibly naming the other shop's offer) or a hostile body.
      const body = input.body ?? JSON.stringify(input.base.batch);
      const foreign = input.body === null && input.base.foreign;
      const what = `POST /api/checkout/events as ${input.shop}${foreign ? ' (other shop’s offer)' : ''}`;
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await t.checkoutToken(input.shop)}`,
      };
      if (input.contentType) headers['Content-Type'] = input.contentType;
      const { answer, grew } = await watch.exchange(what, () =>
        send(t, '/api/checkout/events', { method: 'POST', headers, body }),
      );
      if (input.body === null && !foreign) {
        check(answer.status === 202, what, answer, 'a valid batch was refused');
      }
      if (!isSuccess(answer)) return;
      check(!foreign, what, answer, 'a batch naming another shop’s offer was accepted');
      check(answer.status === 202, what, answer, 'an accepted batch answers 202');
      const { accepted, duplicates } = answer.json as { accepted: number; duplicates: number };
      const sent = (JSON.parse(body) as { events: unknown[] }).events.length;
      check(accepted + duplicates === sent, what, answer, 'every event is accepted or a duplicate');
      check(grew('events') === accepted, what, answer, 'each accepted event is stored once');
      for (const table of ['orders', 'offers', 'experiments', 'pixel_events', 'webhook_deliveries'])
        check(grew(table) === 0, what, answer, `an event batch changed ${table}`);
    });
  }, 300_000);

  test('POST /api/checkout/coupons: hostile requests and signed-in subjects are refused without a write', async () => {
    const offerIds = [...(experimentsOf[SHOP_A] ?? []), ...(experimentsOf[SHOP_B] ?? [])].map(
      (e) => e.offerId,
    );
    const customerId = fc.oneof(
      fc.integer({ min: 1, max: 2 ** 40 }).map((n) => `gid://shopify/Customer/${n}`),
      fc.stringMatching(/^[0-9]{1,25}$/),
      shortHostileString,
    );
    const validRequest = fc.record({
      offerId: fc.oneof(fc.constantFrom(...offerIds), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)),
      customerId,
    });
    const input = fc.record({
      shop: fc.constantFrom(SHOP_A, SHOP_B),
      body: hostileBody(validRequest),
      // A signed-in buyer's token names them in `sub`; a guest's has none.
      sub: fc.option(fc.oneof(customerId, fc.constant('')), { freq: 2 }),
    });
    runs.checkoutCoupons = await fuzz('checkoutCoupons', input, async ({ shop, body, sub }) => {
      const token = await t.checkoutToken(shop, sub === null ? {} : { claims: { sub } });
      const what = `POST /api/checkout/coupons as ${shop}${sub === null ? '' : ' (signed in)'}`;
      const { answer } = await watch.exchange(what, () =>
        send(t, '/api/checkout/coupons', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
        }),
      );
      // None of these offers hands out next-order coupons: nothing to give, nothing to log.
      check(!isSuccess(answer), what, answer, 'a coupon was handed out for an offer without one');
    });
  }, 300_000);

  test('every planned input ran', () => {
    expect(runs.checkoutEvents).toBe(FUZZ_RUNS.checkoutEvents);
    expect(runs.checkoutCoupons).toBe(FUZZ_RUNS.checkoutCoupons);
  });
});
