import type { CheckoutHost } from '../../../core/checkout-host';
import type { CheckoutEvent } from './event-queue';

const TOKEN_REUSE_MS = 60_000;
/** Tries per batch: the first and two more, for answers that say "later" (429, 5xx) or none. */
const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 1_000;
const MAX_WAIT_MS = 30_000;

/** What the sender reads of an answer (a fetch Response has both). */
type Answer = { status?: number; headers?: { get(name: string): string | null } } | undefined;
type Fetch = (url: string, init: RequestInit) => Promise<Answer | unknown>;
type Wait = (ms: number) => Promise<void>;

/**
 * Posts a batch to the app with the checkout session token. `keepalive` lets the request outlive
 * the page (the buyer may pay right after clicking). Every failure is swallowed: analytics must
 * never surface in checkout. A batch the server could not take *now* — throttled (429), a server
 * error (5xx), or no answer at all — is sent again, twice at most, after `Retry-After` or a
 * doubling backoff: at checkout peak these are the exposures the report needs, and the events'
 * ids make a resend harmless (the server stores each id once). A refusal (other 4xx) is final.
 */
export function createEventSender(
  sessionToken: CheckoutHost['sessionToken'],
  endpoint: string,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
  wait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
) {
  // A recent token is reused and, crucially, used synchronously: a flush at page hide must
  // start its keepalive request before the handler returns, or a detached frame drops it.
  // Shopify's tokens live for minutes; one minute of reuse is well inside that.
  let token: { value: string; at: number } | null = null;

  function post(value: string, events: CheckoutEvent[], attempt = 1): Promise<void> {
    let answer: Promise<Answer | unknown>;
    try {
      answer = Promise.resolve(
        fetchImpl(endpoint, {
          method: 'POST',
          keepalive: true,
          headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ events }),
        }),
      );
    } catch {
      answer = Promise.reject();
    }
    return answer.then(
      (res) => {
        const status = (res as Answer)?.status ?? 0;
        if (status !== 429 && status < 500) return;
        const retryAfter = Number((res as Answer)?.headers?.get('Retry-After')) * 1000;
        return retry(value, events, attempt, retryAfter || 0);
      },
      () => retry(value, events, attempt, 0),
    );
  }

  function retry(value: string, events: CheckoutEvent[], attempt: number, askedMs: number) {
    if (attempt >= MAX_ATTEMPTS) return; // Dropped on purpose; see above.
    const backoff = BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    return wait(Math.min(MAX_WAIT_MS, Math.max(askedMs, backoff))).then(() =>
      post(value, events, attempt + 1),
    );
  }

  return function sendEvents(events: CheckoutEvent[]): Promise<void> {
    if (token && Date.now() - token.at < TOKEN_REUSE_MS) return post(token.value, events);
    return sessionToken.get().then(
      (value) => {
        token = { value, at: Date.now() };
        return post(value, events);
      },
      () => {
        token = null;
      },
    );
  };
}
