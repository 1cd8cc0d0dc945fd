import { assignArm } from '../../../core/decide/index.js';
import { webhookHeaders } from '../../../server/demo/shopify-signatures.js';
import { orderPayload } from '../../simulate/payloads.js';
import type { BenchOffer } from './event-stream.js';

/**
 * Signed `orders/create` deliveries, one order each: the simulator's REST payload (a basket line,
 * and on 10 % of treatment orders the offer's `_closer_offer` line), headers and HMAC exactly as
 * Shopify sends them. Order `n` of a scenario has id `base + n` (13 digits, so string order is
 * number order), webhook id `<prefix>-w<n>` and event id `<prefix>-e<n>`.
 */
export interface SignedDelivery {
  n: number;
  body: string;
  headers: Record<string, string>;
}

/** Order ids of scenario `index`: [base, base + ORDER_ID_SPAN). */
export const ORDER_ID_SPAN = 100_000_000;
export const orderIdBase = (index: number) => 9_000_000_000_000 + index * ORDER_ID_SPAN;

export function createOrderStream(
  offer: BenchOffer,
  apiSecret: string,
  options: { prefix: string; base: number; unit: (n: number) => string },
) {
  const ref = {
    offerId: offer.offerId,
    experimentKey: offer.experiment.key,
    variantId: 'gid://shopify/ProductVariant/20081',
    productId: 'gid://shopify/Product/1009',
    price: offer.price,
  };
  let numbered = 0;

  function delivery(n: number): SignedDelivery {
    const unit = options.unit(n);
    const arm = assignArm(offer.experiment, unit) ?? { key: 'holdout', weight: 1, holdout: true };
    const subtotal = 2000 + ((n * 7919) % 8000);
    const offerLine = !arm.holdout && n % 10 === 3 ? offer.price : 0;
    const body = JSON.stringify(
      orderPayload(
        {
          unit,
          arm,
          logged: true,
          clicked: offerLine > 0,
          added: offerLine > 0,
          order: null,
          repeat: null,
        },
        { orderId: options.base + n, subtotal, offerLine, refund: 0, discount: 0 },
        ref,
        'USD',
        2,
      ),
    );
    const headers = webhookHeaders(apiSecret, offer.shop, 'orders/create', body, {
      webhookId: `${options.prefix}-w${n}`,
      eventId: `${options.prefix}-e${n}`,
    });
    return { n, body, headers };
  }

  return {
    next: () => delivery(numbered++),
    get taken() {
      return numbered;
    },
  };
}

export type OrderStream = ReturnType<typeof createOrderStream>;
