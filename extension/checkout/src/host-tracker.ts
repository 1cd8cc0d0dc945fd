import type { CheckoutHost } from '../../../core/checkout-host';
import { resolveAppUrl } from './app-url';
import { createEventQueue } from './event-queue';
import { createEventSender } from './send-events';
import { createTracker, NO_TRACKING, type Tracker } from './tracker';

/** The tracker for this extension instance, wired to the app's events endpoint. */
export function createHostTracker(host: Pick<CheckoutHost, 'extension' | 'sessionToken'>): Tracker {
  if (host.extension.editor) return NO_TRACKING;
  const endpoint = `${resolveAppUrl(host.extension.scriptUrl)}/api/checkout/events`;
  const queue = createEventQueue({ send: createEventSender(host.sessionToken, endpoint) });
  // Checkout runs extensions in a worker, where these never fire and the short timer does the
  // work; where the extension shares a page (the demo sandbox) they save the last batch.
  const scope = globalThis as { addEventListener?: (type: string, fn: () => void) => void };
  scope.addEventListener?.('pagehide', queue.flush);
  return createTracker(queue);
}
