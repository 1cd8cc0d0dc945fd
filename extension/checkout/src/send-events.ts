import type { CheckoutHost } from '../../../core/checkout-host';
import type { CheckoutEvent } from './event-queue';

const TOKEN_REUSE_MS = 60_000;

type Fetch = (url: string, init: RequestInit) => Promise<unknown>;

/**
 * Posts a batch to the app with the checkout session token. `keepalive` lets the request outlive
 * the page (the buyer may pay right after clicking). Every failure is swallowed: analytics must
 * never surface in checkout, and ids make a later resend of the same events harmless.
 */
export function createEventSender(
  sessionToken: CheckoutHost['sessionToken'],
  endpoint: string,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
) {
  // A recent token is reused and, crucially, used synchronously: a flush at page hide must
  // start its keepalive request before the handler returns, or a detached frame drops it.
  // Shopify's tokens live for minutes; one minute of reuse is well inside that.
  let token: { value: string; at: number } | null = null;

  function post(value: string, events: CheckoutEvent[]): Promise<void> {
    try {
      return Promise.resolve(
        fetchImpl(endpoint, {
          method: 'POST',
          keepalive: true,
          headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ events }),
        }),
      ).then(
        () => undefined,
        () => undefined, // Dropped on purpose; see above.
      );
    } catch {
      return Promise.resolve();
    }
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
