import { and, count, eq } from 'drizzle-orm';
import { assignArm } from '../../core/decide/index.js';
import { events, exposures } from '../../drizzle/schema.js';
import { chunk, eventsFor, type OfferRef } from '../simulate/payloads.js';
import { runPool } from '../simulate/pool.js';
import { createRandom } from '../simulate/random.js';
import type { BenchApp } from './bench-app.js';
import { createActiveOffer } from './setup-offer.js';

/**
 * Event ingestion throughput: POST /api/checkout/events through the Hono app (session token
 * verification, validation, arm re-check, inserts and triggers), batches of 50 with a few
 * requests in flight, into the database the report benchmark just filled. Bodies are built before
 * the clock starts: the shoppers' browsers pay for those, not the server. Afterwards every event
 * and exposure sent is counted back, so "none lost" is checked, not assumed.
 */
export interface IngestBench {
  events: number;
  batches: number;
  concurrency: number;
  ms: number;
  eventsPerSecond: number;
  stored: { events: number; exposures: number };
  expectedExposures: number;
  lost: number;
}

export async function benchIngestion(
  bench: BenchApp,
  options: { events: number; concurrency: number },
): Promise<IngestBench> {
  const { offerId, experiment } = await createActiveOffer(bench, 'Ingestion bench', 0.2);
  const ref: OfferRef = {
    offerId,
    experimentKey: experiment.key,
    variantId: 'gid://shopify/ProductVariant/20081',
    productId: 'gid://shopify/Product/1009',
    price: 1900,
  };
  // The simulator's event mix: exposure for every unit; impression, click, add in the treatment.
  const random = createRandom(42);
  const all: ReturnType<typeof eventsFor> = [];
  let units = 0;
  while (all.length < options.events) {
    const unit = `ingest-${units++}`;
    const arm = assignArm(experiment, unit)!;
    const clicked = !arm.holdout && random.uniform() < 0.2;
    const added = clicked && random.uniform() < 0.5;
    all.push(
      ...eventsFor(
        { unit, arm, logged: true, clicked, added, order: null, repeat: null },
        ref,
        Date.now(),
      ),
    );
  }
  const sent = all.slice(0, options.events);
  const expectedExposures = sent.filter((e) => e.type === 'exposure').length;
  const bodies = chunk(sent, 50).map((batch) => JSON.stringify({ events: batch }));
  const token = await bench.checkoutToken();

  let accepted = 0;
  const started = performance.now();
  await runPool(bodies, options.concurrency, async (body) => {
    const res = await bench.app.request('/api/checkout/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    if (res.status !== 202) throw new Error(`events answered ${res.status}: ${await res.text()}`);
    // Read first, then add: `accepted += await …` would add to a stale value.
    const answer = (await res.json()) as { accepted: number };
    accepted += answer.accepted;
  });
  const ms = performance.now() - started;

  const { db } = bench.ctx;
  const [storedEvents] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.shop, bench.shop), eq(events.offerId, offerId)));
  const [storedExposures] = await db
    .select({ n: count() })
    .from(exposures)
    .where(and(eq(exposures.shop, bench.shop), eq(exposures.experimentKey, experiment.key)));
  const stored = { events: storedEvents?.n ?? 0, exposures: storedExposures?.n ?? 0 };
  return {
    events: sent.length,
    batches: bodies.length,
    concurrency: options.concurrency,
    ms,
    eventsPerSecond: (sent.length / ms) * 1000,
    stored,
    expectedExposures,
    lost: sent.length - Math.min(accepted, stored.events),
  };
}
