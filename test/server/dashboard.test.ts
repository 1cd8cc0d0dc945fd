import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  combineEstimates,
  measureExperiment,
  NO_HOLDOUT_NOTE,
} from '../../server/domain/dashboard-measure.js';
import { resolveRange } from '../../server/domain/dashboard-range.js';
import { checkoutEditorUrl } from '../../server/domain/dashboard-setup.js';
import type { Dashboard, DashboardOffer } from '../../server/domain/dashboard-types.js';
import { publisherFor } from '../../server/domain/publication.js';
import { EMPTY_TOTALS } from '../../server/domain/report-comparisons.js';
import {
  adminCall,
  CARE_KIT,
  crossSellInput,
  crossSellVariant,
  type JsonBody,
  SPRAY,
} from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import {
  createReportOffer,
  exposeArms,
  fetchReport,
  placeOrder,
  type ReportOffer,
  sendEvents,
} from './report-data.js';

/** Impressions (or adds) as the checkout extension sends them, one batch. */
async function track(
  t: TestApp,
  offer: ReportOffer,
  type: 'impression' | 'add',
  units: readonly { unit: string; arm: string }[],
) {
  const res = await t.app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      events: units.map(({ unit, arm }) => ({
        id: randomUUID(),
        type,
        offerId: offer.id,
        experimentKey: offer.experiment.key,
        arm,
        unit,
        at: Date.now(),
      })),
    }),
  });
  expect(res.status).toBe(202);
}

/*
 * GET /api/admin/dashboard: the home page's totals. Data goes in through the real paths (admin
 * API, checkout events, signed order webhooks, the public pixel endpoint); the figures are checked
 * against the report the merchant would open for the same offer.
 */

async function dashboard(t: TestApp, shop: string, query = ''): Promise<Dashboard> {
  const res = await adminCall(t, shop, 'GET', `/dashboard${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dashboard;
}

function row(board: Dashboard, offerId: string): DashboardOffer {
  const found = board.offers.find((o) => o.id === offerId);
  if (!found) throw new Error(`offer ${offerId} is not on the dashboard`);
  return found;
}

/** Orders on the first `count` units of an arm, amounts spread so the arm has variance. */
async function orderFrom(
  t: TestApp,
  units: readonly string[],
  count: number,
  base: number,
  offerLine?: { offerId: string; arm: string },
) {
  for (let i = 0; i < count; i += 1) {
    const unit = units[i];
    if (!unit) throw new Error('not enough units');
    await placeOrder(t, unit, base + ((i * 1_237) % 6_000), offerLine ? { offerLine } : {});
  }
}

/** An offer with `orders` orders in each arm: the holdout spends `holdoutBase`, the treatment more. */
async function measuredOffer(t: TestApp, name: string, orders: number, lift: number) {
  const offer = await createReportOffer(t, crossSellInput({ name, holdout: 0.5 }));
  const byArm = await exposeArms(t, offer, { holdout: orders + 10, treatment: orders + 10 });
  await orderFrom(t, byArm.holdout ?? [], orders, 4_000);
  await orderFrom(t, byArm.treatment ?? [], orders, 4_000 + lift, {
    offerId: offer.id,
    arm: 'treatment',
  });
  return { offer, byArm };
}

async function postPixel(t: TestApp, shop: string, events: JsonBody[]) {
  const res = await t.app.request('/api/pixel/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ shop, events }),
  });
  expect(res.status).toBe(202);
}

const pixelEvent = (name: string, checkoutToken: string) => ({
  id: randomUUID(),
  name,
  checkoutToken,
  orderId: null,
  value: null,
  currency: null,
  at: Date.now(),
});

describe('GET /api/admin/dashboard — query validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
  });
  afterAll(() => t.close());

  test.each([
    ['?from=2026-13-01', 'from'],
    ['?from=2026-02-30&to=2026-03-10', 'from'],
    ['?from=yesterday', 'from'],
    ['?from=2026-03-10&to=2026-03-01', 'from must not be after to'],
    ['?from=2024-01-01&to=2025-06-01', 'at most 366 days'],
    ['?range=30d', 'range'],
  ])('%s → 400 invalid_query naming the problem', async (query, words) => {
    const res = await adminCall(t, SHOP_A, 'GET', `/dashboard${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.message).toContain(words);
    expect(typeof res.body.error.requestId).toBe('string');
  });

  test('needs the admin id token like every admin endpoint', async () => {
    const res = await t.app.request('/api/admin/dashboard');
    expect(res.status).toBe(401);
  });

  test('defaults to the last 30 UTC days, today included', async () => {
    const board = await dashboard(t, SHOP_A);
    const today = new Date().toISOString().slice(0, 10);
    expect(board.range.to).toBe(today);
    expect(board.range.days).toBe(30);
    expect(Date.parse(board.range.to) - Date.parse(board.range.from)).toBe(29 * 86_400_000);
  });

  test('resolves a missing end from the other and keeps a lone `from` within the limit', () => {
    const now = Date.parse('2026-07-15T12:00:00Z');
    expect(resolveRange({ to: '2026-07-10' }, now)).toMatchObject({
      from: '2026-06-11',
      to: '2026-07-10',
      days: 30,
    });
    expect(resolveRange({ from: '2020-01-01' }, now)).toMatchObject({
      from: '2020-01-01',
      days: 366,
    });
    expect(resolveRange({ from: '2026-07-01', to: '2026-07-01' }, now)).toMatchObject({
      days: 1,
      startMs: Date.parse('2026-07-01T00:00:00Z'),
      endMs: Date.parse('2026-07-02T00:00:00Z'),
    });
  });
});

describe('an empty shop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_B);
  });
  afterAll(() => t.close());

  test('states no total and why, in the shop currency, with every setup step open', async () => {
    const board = await dashboard(t, SHOP_B);
    expect(board.currency).toBe('EUR');
    expect(board.offers).toEqual([]);
    expect(board.totals).toMatchObject({
      incrementalRevenue: null,
      measuredOffers: 0,
      unmeasuredOffers: 0,
      attributedRevenue: 0,
      views: 0,
      adds: 0,
      orders: 0,
    });
    expect(board.totals.note).toContain('nothing to measure yet');
    expect(board.checkout).toEqual({ started: 0, completed: 0, abandonmentRate: null });
    expect(board.setup.steps.map((s) => [s.key, s.done])).toEqual([
      ['offer_created', false],
      ['block_placed', false],
      ['block_live', false],
      ['pixel_connected', false],
    ]);
    expect(board.setup.checkoutEditorUrl).toBe(checkoutEditorUrl(SHOP_B));
    expect(board.setup.checkoutEditorUrl).toBe(
      `https://${SHOP_B}/admin/settings/checkout/editor?page=checkout&context=apps`,
    );
  });
});

describe('honesty: nothing is totalled before an offer’s minimum sample', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
  });
  afterAll(() => t.close());

  test('a tiny sample shows no figure, only how far there is to go', async () => {
    const offer = await createReportOffer(t, crossSellInput({ name: 'Tiny', holdout: 0.5 }));
    const byArm = await exposeArms(t, offer, { holdout: 3, treatment: 3 });
    await placeOrder(t, byArm.holdout?.[0] as string, 2_900);
    await placeOrder(t, byArm.treatment?.[0] as string, 12_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    const board = await dashboard(t, SHOP_A);
    const tiny = row(board, offer.id);
    expect(tiny.state).toBe('waiting');
    expect(tiny.incrementalRevenue).toBeNull();
    expect(tiny.ordersNeeded).toBe(29);
    // The report's own sentence, with no money in it.
    expect(tiny.notes).toEqual([(await fetchReport(t, offer)).verdict.text]);
    expect(tiny.notes[0]).toContain('29 more orders per arm needed');
    expect(tiny.notes[0]).not.toMatch(/\$|%/);
    expect(board.totals.incrementalRevenue).toBeNull();
    expect(board.totals).toMatchObject({ measuredOffers: 0, unmeasuredOffers: 1 });
    expect(board.totals.note).toContain('No offer has reached its minimum sample yet');
    expect(board.totals.note).toContain('Tiny, needs 29 more orders per arm');
    // Attributed revenue is the peers' figure and is not held back.
    expect(tiny.attributedRevenue).toBeGreaterThan(0);
    expect(board.totals.attributedRevenue).toBe(tiny.attributedRevenue);
  });

  test('a 0 % holdout is reported as not measured, not as waiting', async () => {
    const offer = await createReportOffer(t, crossSellInput({ name: 'No holdout', holdout: 0 }));
    await exposeArms(t, offer, { treatment: 5 });
    const board = await dashboard(t, SHOP_A);
    const open = row(board, offer.id);
    expect(open.state).toBe('unmeasured');
    expect(open.notes).toEqual([NO_HOLDOUT_NOTE]);
    expect(open.incrementalRevenue).toBeNull();
  });
});

describe('totals across measured offers', () => {
  let t: TestApp;
  let first: ReportOffer;
  let second: ReportOffer;
  let board: Dashboard;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
    first = (await measuredOffer(t, 'First', 32, 1_500)).offer;
    second = (await measuredOffer(t, 'Second', 31, 700)).offer;
    board = await dashboard(t, SHOP_A);
  }, 60_000);
  afterAll(() => t.close());

  test('each offer’s incremental revenue is the one its report shows', async () => {
    for (const offer of [first, second]) {
      const report = await fetchReport(t, offer);
      const expected = report.variants[0].comparisons.incrementalRevenue;
      const shown = row(board, offer.id);
      expect(shown.state).toBe('measured');
      expect(shown.ordersNeeded).toBe(0);
      expect(shown.notes).toEqual([]);
      expect(shown.incrementalRevenue?.expected).toBeCloseTo(expected.expected, 6);
      expect(shown.incrementalRevenue?.ci[0]).toBeCloseTo(expected.ci[0], 6);
      expect(shown.incrementalRevenue?.ci[1]).toBeCloseTo(expected.ci[1], 6);
      expect(shown.incrementalRevenue?.stddev).toBeCloseTo(expected.stddev, 6);
    }
  });

  test('the total sums the estimates and their variances (independent experiments)', () => {
    const a = row(board, first.id).incrementalRevenue;
    const b = row(board, second.id).incrementalRevenue;
    if (!a || !b) throw new Error('both offers should be measured');
    const total = board.totals.incrementalRevenue;
    expect(total?.expected).toBeCloseTo(a.expected + b.expected, 6);
    expect(total?.stddev).toBeCloseTo(Math.sqrt(a.stddev ** 2 + b.stddev ** 2), 6);
    const below = Math.hypot(a.expected - a.ci[0], b.expected - b.ci[0]);
    const above = Math.hypot(a.ci[1] - a.expected, b.ci[1] - b.expected);
    expect(total?.ci[0]).toBeCloseTo(a.expected + b.expected - below, 6);
    expect(total?.ci[1]).toBeCloseTo(a.expected + b.expected + above, 6);
    // Narrower than adding the two intervals end to end, wider than either alone.
    expect((total?.ci[1] ?? 0) - (total?.ci[0] ?? 0)).toBeLessThan(
      a.ci[1] - a.ci[0] + (b.ci[1] - b.ci[0]),
    );
    expect(board.totals).toMatchObject({ measuredOffers: 2, unmeasuredOffers: 0, note: null });
    expect(board.method).toEqual({ engine: 'frequentist', sequential: true, alpha: 0.05 });
  });

  test('attributed revenue and orders come from the offers’ own lines', async () => {
    for (const offer of [first, second]) {
      const report = await fetchReport(t, offer);
      const treatment = report.arms.find((a: JsonBody) => a.arm === 'treatment');
      const shown = row(board, offer.id);
      expect(shown.attributedRevenue).toBe(treatment.attributedRevenue);
      expect(shown.orders).toBe(treatment.attachedOrders);
    }
    expect(board.totals.orders).toBe(32 + 31);
    expect(board.totals.attributedRevenue).toBe(
      row(board, first.id).attributedRevenue + row(board, second.id).attributedRevenue,
    );
  });

  test('a period without data shows the offers with no numbers and no total', async () => {
    const old = await dashboard(t, SHOP_A, '?from=2020-01-01&to=2020-01-31');
    expect(old.range).toEqual({ from: '2020-01-01', to: '2020-01-31', days: 31 });
    expect(old.offers.map((o) => o.state)).toEqual(['no_data', 'no_data']);
    expect(old.offers.every((o) => o.checkouts === 0 && o.attributedRevenue === 0)).toBe(true);
    expect(old.totals.incrementalRevenue).toBeNull();
    expect(old.totals.orders).toBe(0);
  });
});

describe('A/B/n offers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
  });
  afterAll(() => t.close());

  test('variants are pooled: the estimate is the sum of the report’s per-variant ones', async () => {
    const offer = await createReportOffer(
      t,
      crossSellInput({
        name: 'Two variants',
        holdout: 0.5,
        variants: [
          crossSellVariant({ products: [CARE_KIT] }),
          crossSellVariant({ heading: 'Spray', products: [SPRAY] }),
        ],
      }),
    );
    // Holdout 50 %, each variant 25 %: exposures in those shares keep the split check quiet.
    const byArm = await exposeArms(t, offer, { holdout: 80, treatment: 40, treatment_b: 40 });
    await orderFrom(t, byArm.holdout ?? [], 32, 4_000);
    await orderFrom(t, byArm.treatment ?? [], 16, 5_000);
    await orderFrom(t, byArm.treatment_b ?? [], 16, 4_500);
    // Variant arms at 16 orders: the report holds back, and so does the home page.
    const early = row(await dashboard(t, SHOP_A), offer.id);
    expect(early.state).toBe('waiting');
    expect(early.ordersNeeded).toBe(14);
    expect(early.incrementalRevenue).toBeNull();

    await orderFrom(t, (byArm.treatment ?? []).slice(16), 14, 5_300);
    await orderFrom(t, (byArm.treatment_b ?? []).slice(16), 14, 4_800);
    const report = await fetchReport(t, offer);
    expect(report.sample.reached).toBe(true);
    const perVariant = report.variants.map(
      (v: JsonBody) => v.comparisons.incrementalRevenue.expected as number,
    );
    expect(perVariant).toHaveLength(2);
    const shown = row(await dashboard(t, SHOP_A), offer.id);
    expect(shown.state).toBe('measured');
    expect(shown.incrementalRevenue?.expected).toBeCloseTo(perVariant[0] + perVariant[1], 4);
  }, 60_000);
});

describe('funnels', () => {
  let t: TestApp;
  let offer: ReportOffer;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
    offer = await createReportOffer(t, crossSellInput({ name: 'Funnel', holdout: 0.5 }));
  });
  afterAll(() => t.close());

  test('views → adds → orders count distinct checkouts and orders holding an offer line', async () => {
    const byArm = await exposeArms(t, offer, { holdout: 4, treatment: 6 });
    const treated = (byArm.treatment ?? []).map((unit) => ({ unit, arm: 'treatment' }));
    await track(t, offer, 'impression', treated.slice(0, 5));
    // A second impression of the same checkout (a re-render) is not a second view.
    await track(t, offer, 'impression', treated.slice(0, 1));
    await track(t, offer, 'add', treated.slice(0, 3));
    await sendEvents(t, offer, 'add', treated.slice(0, 1));
    await placeOrder(t, treated[0]?.unit as string, 6_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    await placeOrder(t, treated[1]?.unit as string, 5_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    // An order with no offer line is not an offer order.
    await placeOrder(t, treated[2]?.unit as string, 5_500);
    const board = await dashboard(t, SHOP_A);
    const shown = row(board, offer.id);
    expect(shown).toMatchObject({ checkouts: 10, views: 5, adds: 3, orders: 2 });
    expect(board.totals).toMatchObject({ views: 5, adds: 3, orders: 2 });
    expect(shown.attributedRevenue).toBe(
      (await fetchReport(t, offer)).arms.find((a: JsonBody) => a.arm === 'treatment')
        .attributedRevenue,
    );
  });

  test('checkout started → completed from the pixel, completions confirmed by the webhook too', async () => {
    await postPixel(t, SHOP_A, [
      pixelEvent('checkout_started', 'ck-1'),
      // Shopify fires checkout_started on every entry: one checkout, counted once.
      pixelEvent('checkout_started', 'ck-1'),
      pixelEvent('checkout_started', 'ck-2'),
      pixelEvent('checkout_started', 'ck-3'),
      pixelEvent('checkout_started', 'ck-4'),
      pixelEvent('checkout_completed', 'ck-1'),
      // A completion without a start in the range is not in this cohort.
      pixelEvent('checkout_completed', 'ck-elsewhere'),
    ]);
    // ck-2's pixel completion never came (consent), but the signed order did.
    await placeOrder(t, 'ck-2', 3_000);
    const board = await dashboard(t, SHOP_A);
    expect(board.checkout.started).toBe(4);
    expect(board.checkout.completed).toBe(2);
    expect(board.checkout.abandonmentRate).toBeCloseTo(0.5, 12);
  });

  test('the setup checklist is decided by what the server has seen', async () => {
    const board = await dashboard(t, SHOP_A);
    const steps = Object.fromEntries(board.setup.steps.map((s) => [s.key, s]));
    expect(steps.offer_created?.done).toBe(true);
    expect(steps.block_placed?.done).toBe(true);
    expect(steps.block_live?.done).toBe(true);
    expect(steps.block_live?.lastSeenAt).toBeGreaterThan(Date.now() - 60_000);
    expect(steps.pixel_connected?.done).toBe(true);
  });
});

describe('shop scoping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.install(SHOP_A);
    await t.install(SHOP_B);
  });
  afterAll(() => t.close());

  test('a shop sees only its own offers, numbers, pixel events and setup', async () => {
    const offer = await createReportOffer(t, crossSellInput({ name: 'Shop A only' }));
    const byArm = await exposeArms(t, offer, { holdout: 2, treatment: 3 });
    await track(
      t,
      offer,
      'impression',
      (byArm.treatment ?? []).map((unit) => ({ unit, arm: 'treatment' })),
    );
    await placeOrder(t, byArm.treatment?.[0] as string, 4_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    await postPixel(t, SHOP_A, [pixelEvent('checkout_started', 'a-1')]);

    const a = await dashboard(t, SHOP_A);
    expect(a.offers.map((o) => o.id)).toEqual([offer.id]);
    expect(a.totals.views).toBe(3);
    expect(a.checkout.started).toBe(1);

    const b = await dashboard(t, SHOP_B);
    expect(b.currency).toBe('EUR');
    expect(b.offers).toEqual([]);
    expect(b.totals).toMatchObject({ views: 0, adds: 0, orders: 0, attributedRevenue: 0 });
    expect(b.checkout.started).toBe(0);
    expect(b.setup.steps.every((s) => !s.done)).toBe(true);
  });

  test('live means active and published to Shopify', async () => {
    const created = await adminCall(t, SHOP_B, 'POST', '/offers', crossSellInput({ name: 'B' }));
    expect(created.status).toBe(201);
    const id = created.body.offer.id as string;
    expect(row(await dashboard(t, SHOP_B), id)).toMatchObject({ status: 'draft', live: false });
    expect((await adminCall(t, SHOP_B, 'POST', `/offers/${id}/activate`)).status).toBe(200);
    await publisherFor(t.ctx).deliver(SHOP_B);
    const shown = row(await dashboard(t, SHOP_B), id);
    expect(shown).toMatchObject({ status: 'active', live: true });
    expect(shown.publication.state).toBe('live');
    // Shop A's page does not list shop B's offer.
    expect((await dashboard(t, SHOP_A)).offers.some((o) => o.id === id)).toBe(false);
  });
});

describe('combining estimates', () => {
  test('normal intervals combine to z·√(Σ sd²) around the summed estimate', () => {
    const z = 1.959963984540054;
    const part = (expected: number, stddev: number) => ({
      expected,
      stddev,
      ci: [expected - z * stddev, expected + z * stddev] as [number, number],
    });
    const total = combineEstimates([part(1_000, 300), part(-200, 400), part(50, 0)]);
    expect(total?.expected).toBe(850);
    expect(total?.stddev).toBeCloseTo(500, 9);
    expect(total?.ci[0]).toBeCloseTo(850 - z * 500, 9);
    expect(total?.ci[1]).toBeCloseTo(850 + z * 500, 9);
  });

  test('nothing to combine is no estimate, not a zero', () => {
    expect(combineEstimates([])).toBeNull();
  });

  test('an experiment whose split fails the ratio check is unreliable, never totalled', () => {
    const totals = new Map([
      [
        'holdout',
        { ...EMPTY_TOTALS, units: 400, orders: 60, revenue: 300_000, revenueSquares: 2e9 },
      ],
      [
        'treatment',
        { ...EMPTY_TOTALS, units: 100, orders: 40, revenue: 260_000, revenueSquares: 2e9 },
      ],
    ]);
    const measured = measureExperiment(
      {
        arms: [
          { key: 'holdout', weight: 0.5, holdout: true },
          { key: 'treatment', weight: 0.5, holdout: false },
        ],
        totals,
      },
      { engine: 'frequentist', sequential: true, alpha: 0.05, minRevenue: 15_000 },
      'USD',
    );
    expect(measured.state).toBe('unreliable');
    expect(measured.text).toContain('Sample ratio mismatch');
  });
});
