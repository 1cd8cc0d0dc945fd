import type { Ledger } from './ledger.js';
import type { StoredItems } from './stored.js';

/**
 * The accounting of one scenario: what was sent, acknowledged and stored, before and after the
 * client retried what was never answered. Every stored item must have been reported `accepted`
 * exactly once — by a 2xx answer, or (when its answer never arrived) by nobody, which the rows
 * show — so `accepted + committedUnanswered = stored` is checked exactly.
 */
export interface Tally {
  /** Distinct items sent (events, or orders). */
  sent: number;
  /** Distinct items inside requests a 2xx answer acknowledged, before any retry. */
  acknowledged: number;
  /** Acknowledged and not in the database: must be 0. */
  lost: number;
  /** Requests never answered before the retry (in flight at the end or at the kill). */
  unanswered: number;
  /** Items of those requests that were committed anyway. */
  committedUnanswered: number;
  /** Acknowledged requests sent again with the same ids. */
  replays: number;
  /** Distinct items stored once the client had retried: must equal `sent`. */
  stored: number;
  /** Sum of what 2xx answers reported as newly stored. */
  accepted: number;
  /** Reported as new more than once, or a row stored twice: must be 0. */
  countedTwice: number;
  /** Stored but never reported as new by anyone: must be 0. */
  uncounted: number;
  /** Items the answers called duplicates (replays, and retries of committed requests). */
  duplicatesReported: number;
  checks: StoredItems['consistent'];
  ok: boolean;
}

/** Stored items among the ones carried by the requests still unacknowledged. */
export function committedAmong(ledger: Ledger, stored: StoredItems): number {
  let total = 0;
  for (const request of ledger.unacknowledged()) {
    for (let n = request.first; n < request.first + request.count; n++) {
      if (stored.numbers.has(n)) total += 1;
    }
  }
  return total;
}

export function lostAmong(ledger: Ledger, stored: StoredItems): number {
  let lost = 0;
  for (let n = 0; n < ledger.sentItems; n++) {
    if (ledger.isAcked(n) && !stored.numbers.has(n)) lost += 1;
  }
  return lost;
}

export function tally(
  ledger: Ledger,
  before: { acknowledged: number; lost: number; unanswered: number; committedUnanswered: number },
  after: StoredItems,
): Tally {
  const stored = after.numbers.size;
  const counted = ledger.accepted + before.committedUnanswered;
  const countedTwice = Math.max(0, counted - stored) + (after.rows - stored);
  const uncounted = Math.max(0, stored - counted);
  const result = {
    sent: ledger.sentItems,
    acknowledged: before.acknowledged,
    lost: before.lost,
    unanswered: before.unanswered,
    committedUnanswered: before.committedUnanswered,
    replays: ledger.replays,
    stored,
    accepted: ledger.accepted,
    countedTwice,
    uncounted,
    duplicatesReported: ledger.duplicates,
    checks: after.consistent,
  };
  return {
    ...result,
    ok:
      result.lost === 0 &&
      result.stored === result.sent &&
      countedTwice === 0 &&
      uncounted === 0 &&
      after.consistent.every((c) => c.ok),
  };
}
