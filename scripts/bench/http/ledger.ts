/**
 * What the load generator sent and what the server acknowledged, item by item (an item is an
 * event, or an order for webhooks), so "0 lost, 0 counted twice" is checked against the rows,
 * not assumed. Items are numbered 0, 1, 2 … within a scenario and a request carries a run of
 * consecutive numbers. A request is acknowledged once a 2xx answer for it arrived; replays
 * re-send only acknowledged requests (a duplicated delivery), retries re-send the others.
 */
export interface SentRequest {
  first: number;
  count: number;
  body: string;
  /** Headers of this request only (a webhook's HMAC and ids); shared headers live in the plan. */
  headers?: Record<string, string>;
  acknowledged: boolean;
}

/** How the server counted a request's items: newly stored, or already there. */
export interface Counted {
  accepted: number;
  duplicates: number;
}

export class Ledger {
  /** 1 for every item inside an acknowledged request. */
  private acked = new Uint8Array(1024);
  private readonly open = new Set<SentRequest>();
  private readonly recent: SentRequest[] = [];
  private items = 0;
  accepted = 0;
  duplicates = 0;
  answers = 0;
  replays = 0;
  retries = 0;
  readonly statuses: Record<string, number> = {};

  /** A fresh request; its items must follow the ones sent before. */
  sent(request: Omit<SentRequest, 'acknowledged'>): SentRequest {
    const record = { ...request, acknowledged: false };
    this.items = Math.max(this.items, record.first + record.count);
    this.open.add(record);
    return record;
  }

  /** An acknowledged request to send again (same ids), or null when none is at hand. */
  replay(pick: number): SentRequest | null {
    if (this.recent.length === 0) return null;
    this.replays += 1;
    return this.recent[pick % this.recent.length] ?? null;
  }

  answered(record: SentRequest, status: number, counted: Counted | null): void {
    this.answers += 1;
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    if (status < 200 || status >= 300 || !counted) return;
    this.accepted += counted.accepted;
    this.duplicates += counted.duplicates;
    if (record.acknowledged) return;
    record.acknowledged = true;
    this.open.delete(record);
    this.grow(record.first + record.count);
    this.acked.fill(1, record.first, record.first + record.count);
    this.recent.push(record);
    if (this.recent.length > 1000) this.recent.shift();
  }

  /** Requests sent and never acknowledged (in flight at the end, at the kill, or refused). */
  unacknowledged(): SentRequest[] {
    return [...this.open];
  }

  /** Distinct items sent. */
  get sentItems(): number {
    return this.items;
  }

  isAcked(n: number): boolean {
    return n < this.acked.length && this.acked[n] === 1;
  }

  ackedItems(): number {
    let total = 0;
    for (let n = 0; n < this.items; n++) total += this.isAcked(n) ? 1 : 0;
    return total;
  }

  private grow(size: number) {
    if (size <= this.acked.length) return;
    const next = new Uint8Array(Math.max(size, this.acked.length * 2));
    next.set(this.acked);
    this.acked = next;
  }
}
