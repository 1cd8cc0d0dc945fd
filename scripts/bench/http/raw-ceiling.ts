import type { Client, InStatement, InValue } from '@libsql/client';
import { type BenchOffer, createEventStream, type UnitKeys } from './event-stream.js';

/**
 * The ceiling: the rows a checkout batch stores (its events, and an exposure per `exposure`
 * event), inserted with raw SQL on the app's own connection (`openDatabase`, so its pragmas and
 * the `arm_daily` triggers apply) as fast as one loop can, no HTTP, no auth, no validation.
 * `requestsPerTx` = 1 is one transaction per request; more is what a perfect group commit would
 * do: the requests' rows in multi-row INSERTs, one transaction for the group.
 */
export interface RawPlan {
  offer: BenchOffer;
  prefix: string;
  batch: number;
  requestsPerTx: number;
  durationMs: number;
  unitKeys: UnitKeys;
}

export interface RawResult {
  requests: number;
  events: number;
  transactions: number;
  ms: number;
  /** Per-transaction wall time, for the latency a request would see at best. */
  txMs: { p50: number; p99: number };
}

const EVENT_COLUMNS = [
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
] as const;
const EXPOSURE_COLUMNS = [
  'shop',
  'experiment_key',
  'unit',
  'offer_id',
  'arm',
  'first_exposed_at',
] as const;
// Rows per statement: 10 columns × 500 rows stays well under SQLite's 32,766 variables.
const ROWS_PER_STATEMENT = 500;

function inserts(table: string, columns: readonly string[], rows: InValue[][]): InStatement[] {
  const statements: InStatement[] = [];
  const row = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => row).join(', ')} ON CONFLICT DO NOTHING`,
      args: part.flat(),
    });
  }
  return statements;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export async function runRawCeiling(client: Client, plan: RawPlan): Promise<RawResult> {
  const stream = createEventStream(plan.offer, plan.prefix, plan.unitKeys);
  const { shop } = plan.offer;
  const txMs: number[] = [];
  let requests = 0;
  const started = performance.now();
  const deadline = started + plan.durationMs;
  while (performance.now() < deadline) {
    const now = Date.now();
    const events: InValue[][] = [];
    const exposures: InValue[][] = [];
    for (let r = 0; r < plan.requestsPerTx; r++) {
      for (const e of stream.take(plan.batch).events) {
        events.push([
          shop,
          e.id,
          e.unit,
          e.offerId,
          e.experimentKey,
          e.arm,
          e.type,
          e.value ?? null,
          e.at,
          now,
        ]);
        if (e.type === 'exposure')
          exposures.push([shop, e.experimentKey, e.unit, e.offerId, e.arm, e.at]);
      }
    }
    const tx = performance.now();
    await client.batch(
      [
        ...inserts('events', EVENT_COLUMNS, events),
        ...inserts('exposures', EXPOSURE_COLUMNS, exposures),
      ],
      'write',
    );
    txMs.push(performance.now() - tx);
    requests += plan.requestsPerTx;
  }
  const ms = performance.now() - started;
  txMs.sort((a, b) => a - b);
  return {
    requests,
    events: stream.taken,
    transactions: txMs.length,
    ms,
    txMs: { p50: percentile(txMs, 0.5), p99: percentile(txMs, 0.99) },
  };
}
