import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedExperiment } from '../../core/decide/index.js';
import { DEMO_SHOP_FILE, loadOrCreateDemoShop } from '../../server/demo/demo-shop.js';
import { currencyDigits } from '../../server/domain/money.js';
import { armsFor } from '../../server/domain/offers.js';
import {
  type ApiOffer,
  offerAnswerSchema,
  reportSchema,
  type SimReport,
  shopSchema,
} from './api-schemas.js';
import { exposeCouponUnit, ordersOfUnit, type PlannedOrder } from './coupon-traffic.js';
import { type CouponCode, createServerClient, type ServerClient } from './http-client.js';
import { offerInputFor } from './offer-inputs.js';
import {
  isCouponKind,
  resolveSimulationOptions,
  type SimulatedKind,
  type SimulationInput,
} from './options.js';
import {
  type CheckoutEvent,
  chunk,
  eventsFor,
  hesitationEventsFor,
  type OfferRef,
  orderPayload,
  refundPayload,
} from './payloads.js';
import { runPool } from './pool.js';
import {
  type ArmTruth,
  generatePopulation,
  MEAN_REFUNDED_SHARE,
  summarizeTruth,
} from './population.js';
import { checkDemoServer } from './server-check.js';

/**
 * Drives a running Closer server through its real ingestion paths — admin API, checkout events,
 * signed webhooks — with synthetic shoppers whose true lift is known, then reads the report back
 * so the two can be compared.
 */
export type SimulationPhase = 'events' | 'coupons' | 'orders' | 'refunds';

export interface SimulationProgress {
  phase: SimulationPhase;
  done: number;
  total: number;
}

export interface RunOptions extends Partial<SimulationInput> {
  onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationTruth {
  kind: SimulatedKind;
  /** True relative lift of net revenue per unit (for coupons: after the discount). */
  lift: number;
  liftVia: 'value' | 'conversion';
  /** Realised lift of net revenue per logged unit in this sample. */
  sampleLift: number;
  /** E[(RPU_T − RPU_C)] · n_T under the simulated model, net of refunds (and discounts). */
  expectedIncrementalRevenue: number;
  /** E[RPU_T − RPU_C]: what each treatment unit truly adds (negative for a losing coupon). */
  incrementalPerUnit: number;
  /** Coupon kinds: the model's percent off, and the share of treatment buyers using the code. */
  coupon: { percentOff: number; redemption: number; repeatRate: number } | null;
  arms: ArmTruth[];
}

export interface SimulationResult {
  offerId: string;
  /** The offer this run created was archived at the end (not with --keep, never a reused one). */
  archived: boolean;
  experimentKey: string;
  currency: string;
  truth: SimulationTruth;
  report: SimReport;
  /** Per-arm report totals before this run: non-empty only for a reused offer. */
  before: SimReport['arms'];
  sent: {
    events: number;
    eventBatches: number;
    /** Coupon routes called (App Proxy or checkout coupons), one per exposed unit. */
    couponCalls: number;
    orders: number;
    refunds: number;
  };
  checks: {
    liftInsideCi: boolean;
    incrementalInsideCi: boolean;
    /** Report units, orders, net revenue and discounts equal the simulated ones, arm by arm. */
    armsMatch: boolean;
  };
  elapsedMs: number;
}

export { SIMULATION_NAME_PREFIX } from './offer-inputs.js';

/** Of the customers a next-order coupon brings back, the share who order a second time. */
const NEXT_ORDER_REPEAT_RATE = 0.25;

export async function runSimulation(input: RunOptions): Promise<SimulationResult> {
  const { onProgress = () => {}, ...rest } = input;
  const options = resolveSimulationOptions(rest);
  const started = Date.now();
  await checkDemoServer(options.baseUrl, rest.baseUrl !== undefined);
  if (!existsSync(join(options.dataDir, DEMO_SHOP_FILE))) {
    throw new Error(
      `${join(options.dataDir, DEMO_SHOP_FILE)} not found: pass --data-dir with the demo server's data folder (DATA_DIR; default data).`,
    );
  }
  const demo = loadOrCreateDemoShop(options.dataDir);
  const client = createServerClient(options.baseUrl, demo);

  const { currency } = shopSchema.parse(await client.admin('GET', '/shop'));
  const createdId = options.offer
    ? null
    : offerAnswerSchema.parse(
        await client.admin('POST', '/offers', {
          ...offerInputFor(options.kind, options.discount),
          holdout: options.holdout,
        }),
      ).offer.id;
  // The simulator's own offer leaves the merchant's list at the end, even when the run failed.
  const archive = async () => {
    if (!createdId || options.keep) return false;
    await client.admin('POST', `/offers/${encodeURIComponent(createdId)}/archive`);
    return true;
  };
  let result: Omit<SimulationResult, 'archived' | 'elapsedMs'>;
  try {
    result = await simulate(client, options, currency, options.offer ?? createdId!, onProgress);
  } catch (error) {
    await archive().catch(() => {});
    throw error;
  }
  return { ...result, archived: await archive(), elapsedMs: Date.now() - started };
}

async function simulate(
  client: ServerClient,
  options: ReturnType<typeof resolveSimulationOptions>,
  currency: string,
  offerId: string,
  onProgress: (progress: SimulationProgress) => void,
): Promise<Omit<SimulationResult, 'archived' | 'elapsedMs'>> {
  const digits = currencyDigits(currency);
  const kind = options.kind;
  const offer = await activateOffer(client, offerId);
  if (offer.kind !== undefined && offer.kind !== kind)
    throw new Error(`offer ${offer.id} is a ${offer.kind}: pass --kind ${offer.kind} to reuse it`);
  const product = offer.productDetails[0];
  if (kind === 'cross_sell' && !product) throw new Error(`offer ${offer.id} offers no product`);
  const ref: OfferRef = {
    offerId: offer.id,
    experimentKey: offer.experiment.key,
    variantId: product?.variantId ?? '',
    productId: product?.productId ?? '',
    price: product?.price ?? 0,
  };
  if (kind === 'hesitation_coupon' && !offer.discountCode)
    throw new Error(`offer ${offer.id} has no discount code to apply`);
  // What the published config carries, so assignArm sees exactly what the extension sees.
  const experiment: PublishedExperiment = {
    key: offer.experiment.key,
    seed: offer.experiment.seed,
    coverage: offer.experiment.coverage,
    arms: offer.experiment.arms ?? armsFor(offer.experiment.holdout),
  };

  const fetchReport = async () =>
    reportSchema.parse(
      await client.admin('GET', `/experiments/${encodeURIComponent(ref.experimentKey)}/report`),
    );
  // A reused offer's report also holds earlier traffic; this run is checked against the change.
  const before = options.offer ? (await fetchReport()).arms : [];

  const aovMinor = options.aov * 10 ** digits;
  const coupon = isCouponKind(kind)
    ? {
        percentOff: options.discount,
        redemption: options.redemption,
        repeatRate: kind === 'next_order_coupon' ? NEXT_ORDER_REPEAT_RATE : 0,
      }
    : null;
  // Below 9·10¹⁴, so order id · 10 + line number stays a safe integer.
  const orderIdBase = randomInt(100_000_000, 900_000_000) * 1_000_000;
  const units = generatePopulation(
    {
      ...options,
      aovMinor,
      runTag: randomBytes(4).toString('hex'),
      orderIdBase,
      offerPrice: ref.price,
      coupon,
      unitIds: kind === 'next_order_coupon' ? 'customer' : 'token',
    },
    experiment,
  );
  const runStartedAt = Date.now();

  // Exposures, the way the kind's surface logs them.
  const eventsOf = (u: (typeof units)[number]): CheckoutEvent[] =>
    kind === 'cross_sell'
      ? eventsFor(u, ref, runStartedAt)
      : kind === 'hesitation_coupon'
        ? hesitationEventsFor(u, ref, runStartedAt)
        : [];
  const batches = chunk(units.flatMap(eventsOf), 50);
  let events = 0;
  await runPool(
    batches,
    options.concurrency,
    async (batch) => {
      const answer = await client.sendEvents(batch);
      // A retried batch whose first attempt did land comes back as duplicates: still stored once.
      if (answer.accepted + answer.duplicates !== batch.length)
        throw new Error(`the server stored ${answer.accepted} of ${batch.length} events`);
      events += batch.length;
    },
    (done, total) => onProgress({ phase: 'events', done, total }),
  );
  const codes = new Map<string, CouponCode>();
  if (kind === 'hesitation_coupon') {
    for (const u of units) if (!u.arm.holdout) codes.set(u.unit, offer.discountCode ?? null);
  }
  let couponCalls = 0;
  if (kind === 'exit_coupon' || kind === 'next_order_coupon') {
    const logged = units.map((u, index) => ({ u, index })).filter(({ u }) => u.logged);
    await runPool(
      logged,
      options.concurrency,
      async ({ u, index }) => {
        codes.set(u.unit, await exposeCouponUnit(client, kind, offer.id, u, index));
        couponCalls += 1;
      },
      (done, total) => onProgress({ phase: 'coupons', done, total }),
    );
  }

  const planned: PlannedOrder[] = units.flatMap((u, index) =>
    kind === 'cross_sell'
      ? u.order
        ? [{ unit: u, order: u.order, link: {} }]
        : []
      : ordersOfUnit(
          kind,
          u,
          codes.get(u.unit) ?? null,
          runStartedAt,
          orderIdBase + 2 * units.length + index,
        ),
  );
  await runPool(
    planned,
    options.concurrency,
    (p) =>
      client.sendWebhook(
        'orders/create',
        orderPayload(p.unit, p.order, ref, currency, digits, p.link),
      ),
    (done, total) => onProgress({ phase: 'orders', done, total }),
  );
  const refunded = planned.filter((p) => p.order.refund > 0);
  await runPool(
    refunded,
    options.concurrency,
    (p) => client.sendWebhook('refunds/create', refundPayload(p.order, currency, digits)),
    (done, total) => onProgress({ phase: 'refunds', done, total }),
  );

  const report = await fetchReport();
  const arms = summarizeTruth(units, experiment.arms);
  const truth = describeTruth(kind, arms, options, aovMinor, coupon);
  const inside = (value: number, [low, high]: [number, number]) => low <= value && value <= high;
  return {
    offerId: offer.id,
    experimentKey: ref.experimentKey,
    currency,
    truth,
    report,
    before,
    sent: {
      events,
      eventBatches: batches.length,
      couponCalls,
      orders: planned.length,
      refunds: refunded.length,
    },
    checks: {
      liftInsideCi: inside(truth.lift, report.comparisons.revenuePerUnit.ci),
      incrementalInsideCi: inside(
        truth.expectedIncrementalRevenue,
        report.comparisons.incrementalRevenue.ci,
      ),
      armsMatch: arms.every((t) => {
        const r = report.arms.find((a) => a.arm === t.arm);
        const b = before.find((a) => a.arm === t.arm) ?? {
          units: 0,
          orders: 0,
          revenue: 0,
          discounts: 0,
        };
        return (
          r !== undefined &&
          r.units - b.units === t.units &&
          r.orders - b.orders === t.orders &&
          r.revenue - b.revenue === t.netRevenue &&
          r.discounts - b.discounts === t.discounts
        );
      }),
    },
  };
}

/** Activates the offer (unless it is active already); returns it as published. */
async function activateOffer(client: ServerClient, id: string): Promise<ApiOffer> {
  const current = offerAnswerSchema.parse(
    await client.admin('GET', `/offers/${encodeURIComponent(id)}`),
  );
  if (current.offer.status === 'active') return current.offer;
  const activated = offerAnswerSchema.parse(
    await client.admin('POST', `/offers/${encodeURIComponent(id)}/activate`),
  );
  return activated.offer;
}

/**
 * The truth the run is judged by. Cross-sell: revenue per unit × (1 + lift). Coupons: with c the
 * conversion, A the mean order, k = 1 − refundRate · mean refunded share, d the percent off, r
 * the redemption and q the second-order rate (next-order kind), E[RPU_holdout] = c·A·(k + q) and
 * E[RPU_treatment] = c(1 + lift)·A·((1 − r·d)·k + q): the conversion gain less the discount paid
 * to every redeeming buyer, so it is negative when the discount outweighs the gain.
 */
function describeTruth(
  kind: SimulatedKind,
  arms: ArmTruth[],
  options: {
    lift: number;
    liftVia: 'value' | 'conversion';
    conversion: number;
    refundRate: number;
  },
  aovMinor: number,
  coupon: { percentOff: number; redemption: number; repeatRate: number } | null,
): SimulationTruth {
  const control = arms.find((a) => a.holdout);
  const treatment = arms.find((a) => !a.holdout);
  const rpu = (a: ArmTruth | undefined) => (a && a.units > 0 ? a.netRevenue / a.units : 0);
  const kept = 1 - options.refundRate * MEAN_REFUNDED_SHARE;
  const expectedControlRpu = coupon
    ? options.conversion * aovMinor * (kept + coupon.repeatRate)
    : options.conversion * aovMinor * kept;
  const expectedTreatmentRpu = coupon
    ? options.conversion *
      (1 + options.lift) *
      aovMinor *
      ((1 - (coupon.redemption * coupon.percentOff) / 100) * kept + coupon.repeatRate)
    : expectedControlRpu * (1 + options.lift);
  const incrementalPerUnit = expectedTreatmentRpu - expectedControlRpu;
  return {
    kind,
    lift: expectedTreatmentRpu / expectedControlRpu - 1,
    liftVia: coupon ? 'conversion' : options.liftVia,
    sampleLift: rpu(control) > 0 ? rpu(treatment) / rpu(control) - 1 : Number.NaN,
    expectedIncrementalRevenue: incrementalPerUnit * (treatment?.units ?? 0),
    incrementalPerUnit,
    coupon,
    arms,
  };
}
