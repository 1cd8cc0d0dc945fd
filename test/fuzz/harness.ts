import fc from 'fast-check';
import type { TestApp } from '../helpers/test-app.js';
import { FUZZ_RUNS, FUZZ_SEED, type FuzzTarget } from './plan.js';

/**
 * What every fuzzed request is checked against, whatever it sent: the answer is 2xx or 4xx, a 4xx
 * carries `{error:{code,message,requestId}}`, and a refused request stored nothing. "Nothing" is
 * measured on the database itself: the row count of every table and a fingerprint of the rows a
 * refused request could otherwise have updated in place.
 */

const COUNTED_TABLES = [
  'shopify_sessions',
  'shops',
  'orders',
  'refunds',
  'webhook_deliveries',
  'quarantined_webhooks',
  'offers',
  'experiments',
  'exposures',
  'events',
  'attributed_lines',
  'arm_daily',
  'pixel_events',
  'shop_publications',
] as const;

/**
 * Aggregates that move when a row is updated in place: every offer write bumps its version and
 * updated_at, a status change its updated_at, a publication request its counter.
 */
const FINGERPRINTS: Record<string, string> = {
  offers_versions: 'select total(version) from offers',
  offers_updated: 'select total(updated_at) + total(publish_seq) from offers',
  experiments_stopped: 'select count(stopped_at) from experiments',
  shops_updated: 'select total(updated_at) + count(uninstalled_at) from shops',
  shops_settings: 'select group_concat(settings) from shops',
  publication_requests: 'select total(requested) from shop_publications',
  sessions_scopes:
    "select group_concat(id || ifnull(scope, '') || ifnull(expires, '')) from shopify_sessions",
  orders_refunded: 'select total(refunded) from orders',
  arm_daily_sums:
    'select total(units) + total(orders) + total(revenue) + total(refunded) from arm_daily',
};

const SNAPSHOT_SQL = `select ${[
  ...COUNTED_TABLES.map((table) => `(select count(*) from ${table}) as ${table}`),
  ...Object.entries(FINGERPRINTS).map(([name, query]) => `(${query}) as ${name}`),
].join(',\n')}`;

export type StoreSnapshot = Record<string, unknown>;

export async function snapshotStore(t: TestApp): Promise<StoreSnapshot> {
  const result = await t.ctx.dbClient.execute(SNAPSHOT_SQL);
  const row = result.rows[0];
  if (!row) throw new Error('snapshot query returned no row');
  return Object.fromEntries(result.columns.map((column, i) => [column, row[i]]));
}

/** A response read whole, with its JSON body when it has one. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function send(t: TestApp, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await t.app.request(path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A failed property names the request and what came back (never the whole hostile body). */
export class FuzzViolation extends Error {
  constructor(what: string, answer: Answer, problem: string) {
    super(`${what} → ${answer.status}: ${problem}\n  body: ${answer.text.slice(0, 300)}`);
    this.name = 'FuzzViolation';
  }
}

export const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;

export interface ContractOptions {
  /** The answer has no body by definition (HEAD): only its status is checked. */
  bodyless?: boolean;
}

/** 2xx or 4xx only; a 4xx has the error shape with the request id the response header names. */
export function checkContract(what: string, answer: Answer, options: ContractOptions = {}) {
  if (isSuccess(answer)) return;
  if (answer.status < 400 || answer.status >= 500) {
    throw new FuzzViolation(what, answer, 'status is neither 2xx nor 4xx');
  }
  if (options.bodyless) return;
  const error = (answer.json as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object') {
    throw new FuzzViolation(what, answer, 'a 4xx body must be {error:{code,message,requestId}}');
  }
  if (typeof error.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code)) {
    throw new FuzzViolation(what, answer, 'error.code must be a snake_case string');
  }
  if (typeof error.message !== 'string' || error.message.length === 0) {
    throw new FuzzViolation(what, answer, 'error.message must be a non-empty string');
  }
  const requestId = answer.headers.get('x-request-id');
  if (typeof error.requestId !== 'string' || !requestId || error.requestId !== requestId) {
    throw new FuzzViolation(what, answer, 'error.requestId must be the X-Request-Id of the answer');
  }
}

/** The store is exactly as it was (a refused or read-only request). */
export function checkUnchanged(
  what: string,
  answer: Answer,
  before: StoreSnapshot,
  after: StoreSnapshot,
) {
  const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
  if (changed.length > 0) {
    throw new FuzzViolation(what, answer, `the request changed the store: ${changed.join(', ')}`);
  }
}

/** Checks a condition about an accepted or refused request. */
export function check(condition: boolean, what: string, answer: Answer, problem: string) {
  if (!condition) throw new FuzzViolation(what, answer, problem);
}

export interface Exchange {
  answer: Answer;
  before: StoreSnapshot;
  after: StoreSnapshot;
  /** Rows a table gained during the request (negative when it lost some). */
  grew(table: string): number;
}

/**
 * Sends requests and checks each against the contract and the store. The snapshot after one
 * request is the one before the next (nothing else writes in between), so each costs one query.
 */
export class StoreWatch {
  private last: StoreSnapshot | null = null;

  constructor(private readonly t: TestApp) {}

  /** Forgets the last snapshot, after writes made outside `exchange` (test setup). */
  reset() {
    this.last = null;
  }

  async exchange(
    what: string,
    request: () => Promise<Answer>,
    options: ContractOptions = {},
  ): Promise<Exchange> {
    const before = this.last ?? (await snapshotStore(this.t));
    const answer = await request();
    const after = await snapshotStore(this.t);
    this.last = after;
    checkContract(this.withServerLog(what, answer), answer, options);
    if (!isSuccess(answer)) checkUnchanged(what, answer, before, after);
    return { answer, before, after, grew: (table) => grew(before, after, table) };
  }

  /** On a 5xx, what the server logged for the request (the error class, never a message). */
  private withServerLog(what: string, answer: Answer): string {
    if (answer.status < 500) return what;
    const requestId = answer.headers.get('x-request-id') ?? '';
    const logged = this.t.logLines.filter((line) => requestId && line.includes(requestId));
    return `${what}\n  server log: ${logged.join('\n  ')}`;
  }

  /** A request that must change nothing, whatever it answers. */
  async read(what: string, request: () => Promise<Answer>): Promise<Answer> {
    const { answer, before, after } = await this.exchange(what, request);
    checkUnchanged(what, answer, before, after);
    return answer;
  }
}

/** Number of rows a table gained (negative when it lost some). */
export function grew(before: StoreSnapshot, after: StoreSnapshot, table: string): number {
  return Number(after[table]) - Number(before[table]);
}

/**
 * Runs one target's planned number of inputs from the fixed seed and returns how many ran. On a
 * failure the error names the target and the seed, and fast-check adds the counterexample's path.
 */
export async function fuzz<T>(
  target: FuzzTarget,
  inputs: fc.Arbitrary<T>,
  property: (input: T) => Promise<void>,
): Promise<number> {
  let runs = 0;
  const numRuns = FUZZ_RUNS[target];
  const result = await fc.check(
    fc.asyncProperty(inputs, async (input) => {
      runs += 1;
      await property(input);
    }),
    { seed: FUZZ_SEED, numRuns },
  );
  if (result.failed) {
    const cause = result.errorInstance instanceof Error ? result.errorInstance.message : 'unknown';
    throw new Error(
      [
        `fuzz target ${target} failed with seed ${FUZZ_SEED} (rerun: FUZZ_SEED=${FUZZ_SEED} npx vitest run test/fuzz)`,
        `after ${result.numRuns} inputs, counterexample path ${result.counterexamplePath}`,
        cause,
        `input: ${abbreviate(JSON.stringify(result.counterexample))}`,
      ].join('\n'),
    );
  }
  return Math.min(runs, numRuns);
}

/** Long runs of one character (the huge and deeply nested inputs) shown as `x×N`. */
function abbreviate(text: string | undefined): string {
  return (text ?? '')
    .replace(/(.)\1{19,}/gsu, (run, char: string) => `${char}×${[...run].length}`)
    .slice(0, 3_000);
}
