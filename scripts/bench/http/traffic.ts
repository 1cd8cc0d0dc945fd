import { request as httpRequest } from 'node:http';
import type { AppSecrets } from '../../../server/demo/shopify-signatures.js';
import { signCheckoutSessionToken } from '../../../server/demo/shopify-signatures.js';
import type { BenchOffer, EventStream } from './event-stream.js';
import type { Counted, Ledger, SentRequest } from './ledger.js';
import type { LoadPlan } from './load.js';
import type { OrderStream } from './order-stream.js';

/**
 * The two kinds of traffic the ingestion scenarios send, as load plans whose requests and
 * answers go through a ledger: checkout event batches (optionally with replays of acknowledged
 * batches) and signed orders/create deliveries. `retry` re-sends what was never answered, as
 * the extension and Shopify do.
 */
export interface Traffic {
  path: string;
  /** Headers every request carries (a fresh session token for each run: they live 5 minutes). */
  headers(): Promise<Record<string, string>>;
  fresh(): SentRequest;
  counted(body: string): Counted | null;
}

export function checkoutTraffic(
  secrets: AppSecrets,
  offer: BenchOffer,
  stream: EventStream,
  ledger: Ledger,
  batch: number,
): Traffic {
  return {
    path: '/api/checkout/events',
    headers: async () => ({
      authorization: `Bearer ${await signCheckoutSessionToken(secrets, offer.shop, { expiresIn: 300 })}`,
    }),
    fresh() {
      const slice = stream.take(batch);
      return ledger.sent({
        first: slice.first,
        count: slice.events.length,
        body: JSON.stringify({ events: slice.events }),
      });
    },
    counted(body) {
      try {
        const answer = JSON.parse(body) as Partial<Counted>;
        return typeof answer.accepted === 'number' && typeof answer.duplicates === 'number'
          ? { accepted: answer.accepted, duplicates: answer.duplicates }
          : null;
      } catch {
        return null;
      }
    },
  };
}

export function webhookTraffic(stream: OrderStream, ledger: Ledger): Traffic {
  return {
    path: '/webhooks/orders/create',
    headers: async () => ({}),
    fresh() {
      const delivery = stream.next();
      return ledger.sent({
        first: delivery.n,
        count: 1,
        body: delivery.body,
        headers: delivery.headers,
      });
    },
    counted(body) {
      try {
        const answer = JSON.parse(body) as {
          ok?: boolean;
          duplicate?: boolean;
          quarantined?: boolean;
        };
        // A quarantined order was not stored as an order: not an acknowledgement of one.
        if (answer.ok !== true || answer.quarantined) return null;
        return answer.duplicate ? { accepted: 0, duplicates: 1 } : { accepted: 1, duplicates: 0 };
      } catch {
        return null;
      }
    },
  };
}

/** A load plan over `traffic`; every `replayEvery`-th request re-sends an acknowledged one. */
export async function trafficPlan(
  traffic: Traffic,
  ledger: Ledger,
  base: Pick<LoadPlan<SentRequest>, 'url' | 'connections' | 'durationSec' | 'rate' | 'interrupt'>,
  replayEvery = 0,
): Promise<LoadPlan<SentRequest>> {
  let sentCount = 0;
  return {
    ...base,
    path: traffic.path,
    headers: await traffic.headers(),
    next() {
      sentCount += 1;
      const replay =
        replayEvery > 0 && sentCount % replayEvery === 0 ? ledger.replay(sentCount) : null;
      const request = replay ?? traffic.fresh();
      return {
        token: request,
        body: request.body,
        ...(request.headers ? { headers: request.headers } : {}),
      };
    },
    answered(request, status, body) {
      ledger.answered(
        request,
        status,
        status >= 200 && status < 300 ? traffic.counted(body) : null,
      );
    },
  };
}

/**
 * Re-sends every request that was never acknowledged, a few at a time, until each has an answer
 * (3 attempts). Returns how many are still unacknowledged.
 */
export async function retryUnacknowledged(
  url: string,
  traffic: Traffic,
  ledger: Ledger,
): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = ledger.unacknowledged();
    if (open.length === 0) return 0;
    const headers = { 'content-type': 'application/json', ...(await traffic.headers()) };
    let next = 0;
    const worker = async () => {
      while (next < open.length) {
        const request = open[next++]!;
        ledger.retries += 1;
        try {
          const res = await post(
            `${url}${traffic.path}`,
            { ...headers, ...request.headers },
            request.body,
          );
          const ok = res.status >= 200 && res.status < 300;
          ledger.answered(request, res.status, ok ? traffic.counted(res.body) : null);
        } catch {
          // Unanswered again: the next attempt tries once more.
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }
  return ledger.unacknowledged().length;
}

/**
 * One POST on its own connection, closed after the answer: the retries leave no idle keep-alive
 * connection behind for the next scenario's "drained" check to wait out.
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { ...headers, connection: 'close' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
