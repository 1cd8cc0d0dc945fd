import type { CheckoutHost, HostCartLine } from '../../../../../core/checkout-host.js';
import { createEmulatedHost } from '../../../../../core/checkout-preview/emulated-host.js';
import type { Messages } from '../../../../../core/checkout-preview/messages.js';
import { TARGET_INFO } from '../../../../../core/offers/catalog.js';
import type { PublishedOffer } from '../../../../../core/offers/published-config.js';
import { chooseOffer, type Placement } from '../../../../../extension/checkout/src/choose-offer.js';
import { buildDecideContext } from '../../../../../extension/checkout/src/decide-context.js';
import { canRender } from '../../../../../extension/checkout/src/kinds/index.js';
import { previewSubtotal } from './preview-cart.js';
import { PREVIEW_OFFER_ID, previewConfig } from './preview-offer.js';

export interface PreviewHostOptions {
  offer: PublishedOffer;
  shop: string;
  currency: string;
  language: string;
  messages: Messages;
  lines: HostCartLine[];
  /** The buyer's line change, applied to the preview's own cart. */
  applyCartLinesChange: CheckoutHost['applyCartLinesChange'];
}

/**
 * The `shopify` global the renderer sees in the preview: the shared emulated host over the
 * preview's cart, with nothing that can reach a network — no session token, no backend, codes
 * "applied" without a checkout to apply them to.
 */
export function createPreviewHost(options: PreviewHostOptions): CheckoutHost {
  const { offer, shop, currency, lines } = options;
  return createEmulatedHost({
    shop,
    currency,
    language: options.language,
    country: null,
    config: JSON.stringify(previewConfig(offer, shop, currency)),
    lines: { value: lines },
    subtotal: { value: previewSubtotal(lines, currency) },
    checkoutToken: PREVIEW_OFFER_ID,
    canChangeLines: true,
    target: TARGET_INFO[offer.target].extensionTarget,
    scriptUrl: '',
    messages: options.messages,
    sessionToken: { get: () => Promise.reject(new Error('The preview sends no events.')) },
    applyCartLinesChange: options.applyCartLinesChange,
    applyDiscountCodeChange: async () => ({ type: 'success' }),
  });
}

/**
 * What the extension's slot would choose for this cart — the extension's own `chooseOffer` over
 * decide, so eligibility (available, not in the cart, the trigger in the cart) is checkout's.
 */
export function previewPlacement(host: CheckoutHost, offer: PublishedOffer): Placement | null {
  const currency = host.localization.currency.value.isoCode;
  const config = previewConfig(offer, host.shop.myshopifyDomain, currency);
  return chooseOffer(config, buildDecideContext(host, Date.now()), PREVIEW_OFFER_ID, offer.target, {
    canRender,
  });
}
