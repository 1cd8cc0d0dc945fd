/** The subset of a Shopify customer event the pixel forwards, shaped for /api/pixel/events. */
export interface PixelEvent {
  id: string;
  name: 'checkout_started' | 'checkout_completed' | 'closer:offer_added';
  checkoutToken: string | null;
  orderId: string | null;
  value: number | null;
  currency: string | null;
  at: number;
}

interface Money {
  amount?: number | null;
  currencyCode?: string | null;
}

export interface IncomingEvent {
  id?: string;
  name?: string;
  timestamp?: string;
  data?: unknown;
  customData?: unknown;
}

function minorUnits(money: Money | null | undefined): number | null {
  if (!money || typeof money.amount !== 'number') return null;
  // The pixel sees presentment money as a decimal; two digits covers the currencies that matter
  // here, and the value is informational only (revenue comes from the webhook).
  return Math.round(money.amount * 100);
}

export function toPixelEvent(event: IncomingEvent): PixelEvent | null {
  const at = event.timestamp ? Date.parse(event.timestamp) : Date.now();
  if (!event.id) return null;
  if (event.name === 'checkout_started' || event.name === 'checkout_completed') {
    const checkout =
      (event.data as { checkout?: Record<string, unknown> } | undefined)?.checkout ?? {};
    const total = checkout.subtotalPrice as Money | null | undefined;
    // Only a completed checkout has an order; a started one is counted by its token alone.
    const order =
      event.name === 'checkout_completed'
        ? (checkout.order as { id?: string | null } | null | undefined)
        : null;
    return {
      id: event.id,
      name: event.name,
      checkoutToken: typeof checkout.token === 'string' ? checkout.token : null,
      orderId: order?.id ?? null,
      value: minorUnits(total),
      currency: total?.currencyCode ?? null,
      at: Number.isFinite(at) ? at : Date.now(),
    };
  }
  if (event.name === 'closer:offer_added') {
    const data = (event.customData ?? {}) as { checkoutToken?: unknown };
    return {
      id: event.id,
      name: 'closer:offer_added',
      checkoutToken: typeof data.checkoutToken === 'string' ? data.checkoutToken : null,
      orderId: null,
      value: null,
      currency: null,
      at: Number.isFinite(at) ? at : Date.now(),
    };
  }
  return null;
}
