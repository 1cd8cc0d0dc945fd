import { type Client, createClient, type InValue } from '@libsql/client';
import { assignArm, type PublishedExperiment } from '../../core/decide/index.js';
import { createRandom, logNormal, type Random } from '../simulate/random.js';
import { bulkInsert } from './bulk-insert.js';

/**
 * Seeds one experiment at scale through SQL, so the AFTER INSERT triggers maintain `arm_daily`
 * row by row exactly as they do for webhooks and events. Exposures go first and orders second,
 * the common order in production (an order's trigger then finds its unit's exposure).
 *
 * What is seeded, per the shapes ingestion writes:
 * - `exposures`: one per unit, arm from decide's assignArm, first exposure spread over `days`;
 * - `orders`: one per converting unit, log-normal subtotals around $60, the treatment `lift`
 *   higher, 5 % partly or fully refunded (the refunded total set on insert, as when a refund
 *   webhook arrives before its order) with matching `refunds` rows;
 * - `attributed_lines`: the offer line on 10 % of treatment orders;
 * - `events`: an `add` event per attributed order plus 1 % of treatment units that added and
 *   did not buy; with `allEvents`, also the exposure and impression events ingestion stores.
 *
 * Speed: with the app's own pragmas (synchronous = NORMAL, 2 MB page cache) this took ~6 min for
 * 1 M units on a 2-core VM, most of it in WAL checkpoint fsyncs and page-cache churn. So the
 * seed runs on its own connection with synchronous = OFF and a 1 GiB cache: durability and
 * memory settings only — every row still goes through the same triggers, and the bench checks
 * arm_daily against the naive join afterwards. The app's connection keeps production pragmas.
 */
export interface SeedPlan {
  shop: string;
  offerId: string;
  experiment: PublishedExperiment;
  units: number;
  orders: number;
  days: number;
  lift: number;
  seed: number;
  allEvents: boolean;
}

export interface SeedResult {
  rows: Record<'exposures' | 'orders' | 'refunds' | 'attributedLines' | 'events', number>;
  ms: Record<'exposures' | 'orders' | 'refunds' | 'attributedLines' | 'events' | 'total', number>;
}

const DAY_MS = 86_400_000;
const OFFER_PRICE = 1900;
const INSERT = { rowsPerStatement: 200, statementsPerTransaction: 50 } as const;

function hexToken(random: Random): string {
  let token = '';
  for (let i = 0; i < 4; i++) {
    token += Math.floor(random.uniform() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  }
  return token;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

export async function seedExperiment(databaseUrl: string, plan: SeedPlan): Promise<SeedResult> {
  const client = createClient({ url: databaseUrl });
  try {
    await client.execute('PRAGMA synchronous = OFF');
    await client.execute('PRAGMA cache_size = -1048576');
    const result = await seedRows(client, plan);
    // Leave the file as a long-running app would: WAL folded back, nothing pending.
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    client.close();
  }
}

async function seedRows(client: Client, plan: SeedPlan): Promise<SeedResult> {
  const random = createRandom(plan.seed);
  const { shop, offerId, experiment } = plan;
  const start = Date.now() - plan.days * DAY_MS;
  const tokens: string[] = [];
  const arms: string[] = [];
  const exposedAt: number[] = [];
  for (let i = 0; i < plan.units; i++) {
    const token = hexToken(random);
    const arm = assignArm(experiment, token);
    if (!arm) throw new Error('every unit must fall inside the experiment (coverage 1)');
    tokens.push(token);
    arms.push(arm.key);
    exposedAt.push(start + Math.floor((i * plan.days * DAY_MS) / plan.units));
  }
  // The experiment ran for `days`: backdate its start, or the report (which counts offer lines
  // of orders placed since the start) would see none of the seeded orders.
  await client.execute({
    sql: 'UPDATE experiments SET started_at = ? WHERE shop = ? AND key = ?',
    args: [start - 60_000, shop, experiment.key],
  });
  const treated = (i: number) => !experiment.arms.find((a) => a.key === arms[i])?.holdout;

  const [exposures, exposuresMs] = await timed(() =>
    bulkInsert(
      client,
      'exposures',
      ['shop', 'experiment_key', 'unit', 'offer_id', 'arm', 'first_exposed_at'],
      (function* () {
        for (let i = 0; i < plan.units; i++)
          yield [shop, experiment.key, tokens[i]!, offerId, arms[i]!, exposedAt[i]!];
      })(),
      INSERT,
    ),
  );

  // One order per converting unit, spread evenly so every day has orders.
  const stride = plan.units / plan.orders;
  const orders: { unit: number; id: string; subtotal: number; refunded: number; line: boolean }[] =
    [];
  for (let k = 0; k < plan.orders; k++) {
    const unit = Math.min(plan.units - 1, Math.floor(k * stride + random.uniform() * stride));
    const lifted = treated(unit) ? 1 + plan.lift : 1;
    const subtotal = Math.max(100, Math.round(logNormal(random, 6000, 0.6) * lifted));
    const refunded = random.uniform() < 0.05 ? Math.round(subtotal * random.uniform()) : 0;
    const line = treated(unit) && random.uniform() < 0.1 && subtotal > OFFER_PRICE;
    orders.push({ unit, id: String(1_000_000_000_000 + k), subtotal, refunded, line });
  }
  const [orderCount, ordersMs] = await timed(() =>
    bulkInsert(
      client,
      'orders',
      [
        'shop',
        'order_id',
        'name',
        'checkout_token',
        'currency',
        'subtotal',
        'total',
        'total_discounts',
        'total_tax',
        'refunded',
        'lines',
        'attributes',
        'created_at',
        'received_at',
      ],
      (function* () {
        for (const o of orders) {
          const createdAt = exposedAt[o.unit]! + 600_000;
          const lines = [
            { id: `${o.id}1`, productId: '1001', variantId: '20001', quantity: 1 },
            ...(o.line
              ? [{ id: `${o.id}2`, productId: '1009', variantId: '20081', quantity: 1 }]
              : []),
          ].map((l, j) => ({
            ...l,
            amount: o.line ? (j === 0 ? o.subtotal - OFFER_PRICE : OFFER_PRICE) : o.subtotal,
            properties: j === 1 ? { _closer_offer: `${offerId}:treatment` } : {},
          }));
          const tax = Math.round(o.subtotal * 0.08);
          const row: InValue[] = [
            shop,
            o.id,
            `#${o.id}`,
            tokens[o.unit]!,
            'USD',
            o.subtotal,
            o.subtotal + tax,
            0,
            tax,
            o.refunded,
            JSON.stringify(lines),
            '{}',
            createdAt,
            createdAt,
          ];
          yield row;
        }
      })(),
      { rowsPerStatement: 100, statementsPerTransaction: 50 },
    ),
  );

  // orders/create links each order to its units (order_units); these orders name a checkout only.
  await bulkInsert(
    client,
    'order_units',
    ['shop', 'order_id', 'unit_kind', 'unit'],
    (function* () {
      for (const o of orders) yield [shop, o.id, 'checkout', tokens[o.unit]!];
    })(),
    INSERT,
  );

  const [refundCount, refundsMs] = await timed(() =>
    bulkInsert(
      client,
      'refunds',
      ['shop', 'refund_id', 'order_id', 'amount', 'created_at'],
      (function* () {
        for (const o of orders)
          if (o.refunded > 0) yield [shop, `r${o.id}`, o.id, o.refunded, exposedAt[o.unit]!];
      })(),
      INSERT,
    ),
  );

  const [attributedCount, attributedMs] = await timed(() =>
    bulkInsert(
      client,
      'attributed_lines',
      ['shop', 'order_id', 'line_id', 'offer_id', 'arm', 'amount'],
      (function* () {
        for (const o of orders)
          if (o.line) yield [shop, o.id, `${o.id}2`, offerId, arms[o.unit]!, OFFER_PRICE];
      })(),
      INSERT,
    ),
  );

  const [eventCount, eventsMs] = await timed(() =>
    bulkInsert(
      client,
      'events',
      [
        'shop',
        'event_id',
        'unit',
        'offer_id',
        'experiment_key',
        'arm',
        'type',
        'value',
        'occurred_at',
        'received_at',
      ],
      (function* () {
        const event = (i: number, type: string, value: number | null): InValue[] => [
          shop,
          hexToken(random),
          tokens[i]!,
          offerId,
          experiment.key,
          arms[i]!,
          type,
          value,
          exposedAt[i]!,
          exposedAt[i]!,
        ];
        for (const o of orders) if (o.line) yield event(o.unit, 'add', OFFER_PRICE);
        for (let i = 0; i < plan.units; i++) {
          if (plan.allEvents) yield event(i, 'exposure', null);
          if (!treated(i)) continue;
          if (plan.allEvents) yield event(i, 'impression', null);
          if (random.uniform() < 0.01) yield event(i, 'add', OFFER_PRICE);
        }
      })(),
      INSERT,
    ),
  );

  return {
    rows: {
      exposures,
      orders: orderCount,
      refunds: refundCount,
      attributedLines: attributedCount,
      events: eventCount,
    },
    ms: {
      exposures: exposuresMs,
      orders: ordersMs,
      refunds: refundsMs,
      attributedLines: attributedMs,
      events: eventsMs,
      total: exposuresMs + ordersMs + refundsMs + attributedMs + eventsMs,
    },
  };
}
