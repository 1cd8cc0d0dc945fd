import { useState } from 'preact/hooks';
import { DebugPanel } from './DebugPanel';
import { ExtensionFrame } from './ExtensionFrame';
import { OrderSummary } from './OrderSummary';
import type { ObservedEvent, SandboxHost, Store } from './sandbox-types';

const EMAIL = 'shopper@example.com';

type Placed = { name: string } | { error: string } | null;

/**
 * A one-page checkout around the two extension slots, with "Pay now" placing a real order; then
 * the Thank you page with its own slot, and a way back in as the same customer.
 */
export function CheckoutPage({
  host,
  events,
}: {
  host: SandboxHost;
  events: Store<ObservedEvent[]>;
}) {
  const [paying, setPaying] = useState(false);
  const [placed, setPlaced] = useState<Placed>(null);

  async function pay() {
    setPaying(true);
    const res = await fetch('/dev/sandbox/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        checkoutToken: host.token,
        customerId: host.customerId,
        email: EMAIL,
        lines: host.lines.value.map((l) => ({
          variantId: l.merchandise.id,
          quantity: l.quantity,
          attributes: l.attributes,
        })),
        // The server recomputes every amount from the catalog and the published discounts.
        discountCodes: host.discountCodes.value,
      }),
    });
    const body = (await res.json()) as { name?: string; error?: { message: string } };
    setPaying(false);
    setPlaced(
      body.name ? { name: body.name } : { error: body.error?.message ?? `HTTP ${res.status}` },
    );
  }

  return (
    <>
      <header class="shop-header">
        <span class="logo">{host.data.shopName}</span>
        <span class="badge">Checkout sandbox · demo mode</span>
      </header>
      <div class="layout">
        <main class="main">
          {placed && 'name' in placed ? (
            <section class="thanks" data-testid="order-confirmation">
              <p class="muted">Confirmation</p>
              <h1>
                Order <span data-testid="order-name">{placed.name}</span> is confirmed
              </h1>
              <p>Thank you! The orders/create webhook was delivered, signed, to this app.</p>
              <ExtensionFrame target="purchase.thank-you.block.render" />
              <div class="fields">
                <button
                  type="button"
                  class="secondary"
                  data-testid="shop-again"
                  onClick={() => location.assign(`/sandbox?customer=${host.customerId}`)}
                >
                  Shop again as this customer
                </button>
                <button type="button" class="secondary" onClick={() => location.assign('/sandbox')}>
                  Start a new checkout
                </button>
              </div>
            </section>
          ) : (
            <>
              <nav class="crumbs" aria-label="Checkout steps">
                Cart › Information › Shipping › <b>Payment</b>
              </nav>
              <section>
                <h2>Contact</h2>
                <input class="field" type="email" value={EMAIL} aria-label="Email" readOnly />
              </section>
              <section>
                <h2>Delivery</h2>
                <div class="fields">
                  <input class="field wide" value="United States" aria-label="Country" readOnly />
                  <input class="field" value="Sam" aria-label="First name" readOnly />
                  <input class="field" value="Rivera" aria-label="Last name" readOnly />
                  <input
                    class="field wide"
                    value="151 O'Connor Street"
                    aria-label="Address"
                    readOnly
                  />
                  <input class="field" value="Portland" aria-label="City" readOnly />
                  <input class="field" value="97205" aria-label="ZIP code" readOnly />
                </div>
              </section>
              <ExtensionFrame target="purchase.checkout.block.render" />
              <section>
                <h2>Shipping method</h2>
                <div class="option">
                  <span>Standard · 3 to 5 business days</span>
                  <b>Free</b>
                </div>
              </section>
              <section>
                <h2>Payment</h2>
                <p class="muted">
                  All transactions are secure and encrypted. (Nothing is charged in the sandbox.)
                </p>
                <div class="fields card">
                  <input
                    class="field wide"
                    value="4242 4242 4242 4242"
                    aria-label="Card number"
                    readOnly
                  />
                  <input class="field" value="12 / 30" aria-label="Expiration date" readOnly />
                  <input class="field" value="123" aria-label="Security code" readOnly />
                </div>
              </section>
              {placed && 'error' in placed && (
                <p class="error" role="alert">
                  {placed.error}
                </p>
              )}
              <button
                type="button"
                class="pay"
                onClick={pay}
                disabled={paying}
                data-testid="pay-now"
              >
                {paying ? 'Processing…' : 'Pay now'}
              </button>
            </>
          )}
        </main>
        <OrderSummary host={host} />
      </div>
      <DebugPanel host={host} events={events} />
    </>
  );
}
