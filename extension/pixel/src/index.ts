import { register } from '@shopify/web-pixels-extension';
import { toPixelEvent } from './to-pixel-event';

/**
 * Forwards checkout starts and completions (and the checkout extension's `closer:offer_added`
 * custom event) to Closer; starts feed the home page's checkout funnel (started → completed).
 * It sends only ids and amounts — no email, address or name — and never throws.
 */
register(({ analytics, init, settings }) => {
  const endpoint = typeof settings.endpoint === 'string' ? settings.endpoint : '';
  const shop = init.data.shop.myshopifyDomain;
  if (!endpoint || !shop) return;

  const send = (event: ReturnType<typeof toPixelEvent>) => {
    if (!event) return;
    // text/plain keeps this a simple request: no CORS preflight from the pixel sandbox.
    fetch(endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ shop, events: [event] }),
    }).catch(() => undefined);
  };

  // Shopify fires checkout_started on every entry into checkout; the server counts tokens.
  analytics.subscribe('checkout_started', (event) => send(toPixelEvent(event)));
  analytics.subscribe('checkout_completed', (event) => send(toPixelEvent(event)));
  analytics.subscribe('closer:offer_added', (event) => send(toPixelEvent(event)));
});
