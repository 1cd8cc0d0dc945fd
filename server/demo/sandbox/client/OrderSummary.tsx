import { ExtensionFrame } from './ExtensionFrame';
import { formatMoney } from './format';
import type { SandboxHost } from './sandbox-types';
import { useStore } from './use-store';

/** The right-hand column: lines, the cart-line-list extension slot, and totals. */
export function OrderSummary({ host }: { host: SandboxHost }) {
  const lines = useStore(host.lines);
  const subtotal = useStore(host.subtotal);
  const money = (amount: number) => formatMoney(amount, host.data.currency, host.language);
  return (
    <aside class="summary" aria-label="Order summary">
      <ul class="lines">
        {lines.map((line) => (
          <li
            key={line.id}
            class="line"
            data-testid="summary-line"
            data-variant={line.merchandise.id}
          >
            <span class="thumb">
              <img src={line.merchandise.image?.url} alt="" />
              <span class="qty">{line.quantity}</span>
            </span>
            <span class="line-title">
              {line.merchandise.title}
              {line.merchandise.subtitle && <small>{line.merchandise.subtitle}</small>}
              {line.attributes.some((a) => a.key === '_closer_offer') && (
                <small class="tag">Added from offer</small>
              )}
            </span>
            <span class="line-price">{money(line.cost.totalAmount.amount)}</span>
          </li>
        ))}
      </ul>
      <ExtensionFrame target="purchase.checkout.cart-line-list.render-after" />
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">{money(subtotal.amount)}</dd>
        <dt>Shipping</dt>
        <dd>Free</dd>
        <dt class="total">Total</dt>
        <dd class="total">
          <small>{host.data.currency}</small> {money(subtotal.amount)}
        </dd>
      </dl>
    </aside>
  );
}
