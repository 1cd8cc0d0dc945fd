import type { AppContext } from '../../app-context.js';

/** A webhook whose signature, topic and shop were checked (auth/webhook-auth.ts). */
export interface WebhookDelivery {
  shop: string;
  topic: string;
  webhookId: string;
  /** Shopify's event id: the same event sent again under a new webhook id carries it. */
  eventId: string | null;
  payload: unknown;
}

/** A write a handler asks for: any drizzle insert, update or delete, committed as its SQL. */
export interface WebhookWrite {
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * A topic handler reads what it needs, then returns the writes to make. They are committed in one
 * transaction together with the delivery record (domain/webhooks/process-webhook.ts), so a
 * delivery is applied entirely or not at all, and a redelivery (same webhook id) is recognised
 * and changes nothing.
 */
export type WebhookHandler = (ctx: AppContext, webhook: WebhookDelivery) => Promise<WebhookWrite[]>;

/** A write given as SQL: for the hot statements, where building them with drizzle showed. */
export function sqlWrite(sql: string, params: unknown[]): WebhookWrite {
  return new SqlWrite(sql, params);
}

// A class rather than an object with an arrow: under tsx every arrow created is also a `__name`
// call, which showed in the webhook profile (~1 %).
class SqlWrite implements WebhookWrite {
  constructor(
    private readonly sql: string,
    private readonly params: unknown[],
  ) {}

  toSQL() {
    return { sql: this.sql, params: this.params };
  }
}

/**
 * The parts of a one-row insert: `into` (`insert into t (columns)`), the row's `values` tuple and
 * the `tail` after it (`on conflict do nothing`). Made once per statement, at module load.
 */
export interface RowShape {
  into: string;
  row: string;
  tail: string;
}

/**
 * A one-row insert of a known shape, so that group commit can write the same insert of
 * neighbouring deliveries as one multi-row statement (process-webhook.ts).
 */
export class RowInsert implements WebhookWrite {
  constructor(
    readonly shape: RowShape,
    readonly params: unknown[],
  ) {}

  toSQL() {
    const { into, row, tail } = this.shape;
    return { sql: `${into} values ${row} ${tail}`, params: this.params };
  }
}
