import { type SQL, sql } from 'drizzle-orm';
import type { UnitKind } from '../../core/offers/catalog.js';

/** What decides which of a unit's orders are its outcome: the experiment's unit kind and window. */
export interface UnitOutcomeRule {
  unitKind: UnitKind;
  outcomeWindowMs: number | null;
}

/**
 * The orders that are a unit's outcome, as a join the report queries share with the arm_daily
 * triggers (migration 0006): `l` is the `order_units` link of the experiment's unit kind from
 * exposure `e` to order `o`, which counts when created in [first exposure, first exposure +
 * window) — a checkout unit without the start (any order of that checkout, as always), no window
 * without the end. Callers alias exposures `e`, order_units `l` and orders `o`.
 */
export function unitOutcome(rule: UnitOutcomeRule): SQL {
  const after = rule.unitKind === 'checkout' ? sql`` : sql` and o.created_at >= e.first_exposed_at`;
  const within =
    rule.outcomeWindowMs === null
      ? sql``
      : sql` and o.created_at < e.first_exposed_at + ${rule.outcomeWindowMs}`;
  return sql`l.shop = e.shop and l.unit_kind = ${rule.unitKind} and l.unit = e.unit
    and o.shop = l.shop and o.order_id = l.order_id${after}${within}`;
}
