import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedExperiment } from '../../core/decide/index.js';
import type { OfferCreateBody } from '../../core/offers/contract.js';
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
import { createServerClient, type ServerClient } from './http-client.js';
import { resolveSimulationOptions, type SimulationInput } from './options.js';
import { chunk, eventsFor, type OfferRef, orderPayload, refundPayload } from './payloads.js';
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
export type SimulationPhase = 'events' | 'orders' | 'refunds';

export interface SimulationProgress {
  phase: SimulationPhase;
  done: number;
  total: number;
}

export interface RunOptions extends Partial<SimulationInput> {
  onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationTruth {
  lift: number;
  liftVia: 'value' | 'conversion';
  /** Realised lift of net revenue per logged unit in this sample. */
  sampleLift: number;
  /** E[(RPU_T − RPU_C)] · n_T under the simulated model, net of refunds. */
  expectedIncrementalRevenue: number;
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
  sent: { events: number; eventBatches: number; orders: number; refunds: number };
  checks: {
    liftInsideCi: boolean;
    incrementalInsideCi: boolean;
    /** Report units, orders and net revenue equal the simulated ones, arm by arm. */
    armsMatch: boolean;
  };
  elapsedMs: number;
}

/** Marks the simulator's offers in the merchant's list, so no one mistakes one for their own. */
export const SIMULATION_NAME_PREFIX = '[Simulation]';

const OFFER_INPUT = {
  name: `${SIMULATION_NAME_PREFIX} cross-sell`,
  kind: 'cross_sell',
  target: 'checkout_block',
  variants: [
    {
      heading: 'Complete your order',
      body: 'Add the care kit',
      buttonLabel: 'Add',
      // The demo catalog's Shoe Care Kit.
      products: ['gid://shopify/ProductVariant/20081'],
    },
  ],
  condition: null,
  priority: 0,
} satisfies OfferCreateBody;

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
        await client.admin('POST', '/offers', { ...OFFER_INPUT, holdout: options.holdout }),
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
  const offer = await activateOffer(client, offerId);
  const product = offer.productDetails[0]!;
  const ref: OfferRef = {
    offerId: offer.id,
    experimentKey: offer.experiment.key,
    variantId: product.variantId,
    productId: product.productId,
    price: product.price,
  };
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
  const units = generatePopulation(
    {
      ...options,
      aovMinor,
      runTag: randomBytes(4).toString('hex'),
      // Below 9·10¹⁴, so order id · 10 + line number stays a safe integer.
      orderIdBase: randomInt(100_000_000, 900_000_000) * 1_000_000,
      offerPrice: ref.price,
    },
    experiment,
  );

  const now = Date.now();
  const batches = chunk(
    units.flatMap((u) => eventsFor(u, ref, now)),
    50,
  );
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

  const ordered = units.filter((u) => u.order !== null);
  await runPool(
    ordered,
    options.concurrency,
    (u) => client.sendWebhook('orders/create', orderPayload(u, u.order!, ref, currency, digits)),
    (done, total) => onProgress({ phase: 'orders', done, total }),
  );
  const refunded = ordered.filter((u) => u.order!.refund > 0);
  await runPool(
    refunded,
    options.concurrency,
    (u) => client.sendWebhook('refunds/create', refundPayload(u.order!, currency, digits)),
    (done, total) => onProgress({ phase: 'refunds', done, total }),
  );

  const report = await fetchReport();
  const arms = summarizeTruth(units, experiment.arms);
  const truth = describeTruth(arms, options, aovMinor);
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
      orders: ordered.length,
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
        const b = before.find((a) => a.arm === t.arm) ?? { units: 0, orders: 0, revenue: 0 };
        return (
          r !== undefined &&
          r.units - b.units === t.units &&
          r.orders - b.orders === t.orders &&
          r.revenue - b.revenue === t.netRevenue
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

function describeTruth(
  arms: ArmTruth[],
  options: {
    lift: number;
    liftVia: 'value' | 'conversion';
    conversion: number;
    refundRate: number;
  },
  aovMinor: number,
): SimulationTruth {
  const control = arms.find((a) => a.holdout);
  const treatment = arms.find((a) => !a.holdout);
  const rpu = (a: ArmTruth | undefined) => (a && a.units > 0 ? a.netRevenue / a.units : 0);
  const expectedControlRpu =
    options.conversion * aovMinor * (1 - options.refundRate * MEAN_REFUNDED_SHARE);
  return {
    lift: options.lift,
    liftVia: options.liftVia,
    sampleLift: rpu(control) > 0 ? rpu(treatment) / rpu(control) - 1 : Number.NaN,
    expectedIncrementalRevenue: options.lift * expectedControlRpu * (treatment?.units ?? 0),
    arms,
  };
}
