import { defineCheckoutElements } from '../../../../core/checkout-preview/elements';
import { createEmulatedShopify } from './emulated-shopify';
import { fetchMessages } from './load-messages';
import { type ObservedEvent, SANDBOX_HOST_GLOBAL, type SandboxHost } from './sandbox-types';

/**
 * One extension target, in its own frame as in checkout (each target gets its own `shopify` and
 * its own `document.body`). It installs the emulated global, loads the shipped bundle — which
 * registers its targets with `shopify.extend` — and runs the module for this frame's target.
 */
const host = (window.parent as unknown as Record<string, SandboxHost | undefined>)[
  SANDBOX_HOST_GLOBAL
];
const target = new URLSearchParams(location.search).get('target') ?? '';

/** Shows what the extension sends in the debug panel; the request itself goes out unchanged. */
function observeEvents(sandbox: SandboxHost) {
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/api/checkout/events') || typeof init?.body !== 'string')
      return send(input, init);
    const { events } = JSON.parse(init.body) as {
      events: Omit<ObservedEvent, 'status' | 'target'>[];
    };
    const report = (status: ObservedEvent['status']) =>
      sandbox.observeEvents(
        events.map((e) => ({ target, type: e.type, arm: e.arm, offerId: e.offerId, status })),
      );
    try {
      const response = await send(input, init);
      report(response.status);
      return response;
    } catch (error) {
      report('failed');
      throw error;
    }
  };
}

async function start(sandbox: SandboxHost) {
  // The block sits in the main column as a boxed section; the summary slot is flush.
  document.body.dataset.placement = target.includes('cart-line-list') ? 'summary' : 'main';
  defineCheckoutElements(window, {
    onFollowLink: (href) => sandbox.followLink({ target, href }),
  });
  observeEvents(sandbox);
  const messages = await fetchMessages(sandbox.data.localesUrl, sandbox.language);
  const scriptUrl = new URL(sandbox.data.bundleUrl, location.href).href;
  const shopify = createEmulatedShopify(sandbox, target, messages, scriptUrl);
  (globalThis as unknown as { shopify: typeof shopify }).shopify = shopify;
  await import(/* @vite-ignore */ scriptUrl);
  await shopify.start();
}

if (host) void start(host);
else document.body.textContent = 'Open /sandbox: this frame runs inside the checkout sandbox page.';
