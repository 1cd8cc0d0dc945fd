import type { CheckoutEvent } from './event-queue';
import type { CheckoutHost } from './host';

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
  return async function sendEvents(events: CheckoutEvent[]): Promise<void> {
    try {
      const token = await sessionToken.get();
      await fetchImpl(endpoint, {
        method: 'POST',
        keepalive: true,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events }),
      });
    } catch {
      // Dropped on purpose; see above.
    }
  };
}
