import { UPGRADED_FROM_ATTRIBUTE } from '../../../../core/offers/catalog';
import { ExtensionFrame } from './ExtensionFrame';
import { formatMoney } from './format';
import type { SandboxCartLine, SandboxHost } from './sandbox-types';
import { useStore } from './use-store';

function offerTag(line: SandboxCartLine): string | null {
  if (line.attributes.some((a) => a.key === UPGRADED_FROM_ATTRIBUTE)) return 'Upgraded from offer';
  if (line.attributes.some((a) => a.key === '_closer_offer')) return 'Added from offer';
  return null;
}

/** The right-hand column: lines, the cart-line-list extension slot, discounts and totals. */
export function OrderSummary({ host }: { host: SandboxHost }) {
  const lines = useStore(host.lines);
  const subtotal = useStore(host.subtotal);
  const codes = useStore(host.discountCodes);
  const money = (amount: number) => formatMoney(amount, host.data.currency, host.language);
  const savings = lines.reduce(
    (sum, line) =>
      sum + line.discountAllocations.reduce((s, a) => s + a.discountedAmount.amount, 0),
    0,
  );
  return (
    <aside class="summary" aria-label="Order summary">
      <ul class="lines">
        {lines.map((line) => {
          const tag = offerTag(line);
          const discounted = line.discountAllocations.length > 0;
          return (
            <li
              key={line.id}
              class="line"
              data-testid="summary-line"
              data-variant={line.merchandise.id}
              data-quantity={line.quantity}
            >
              <span class="thumb">
                <img src={line.merchandise.image?.url} alt="" />
                <span class="qty">{line.quantity}</span>
              </span>
              <span class="line-title">
                {line.merchandise.title}
                {line.merchandise.subtitle && <small>{line.merchandise.subtitle}</small>}
                {tag && <small class="tag">{tag}</small>}
                {line.discountAllocations.map((a) => (
                  <small key={a.code} class="tag" data-testid="line-discount">
                    {a.code} (−{money(a.discountedAmount.amount)})
                  </small>
                ))}
              </span>
              <span class="line-price">
                {discounted && (
                  <s class="was" data-testid="line-original-price">
                    {money(line.undiscountedAmount)}
                  </s>
                )}
                <span data-testid="line-price">{money(line.cost.totalAmount.amount)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <ExtensionFrame target="purchase.checkout.cart-line-list.render-after" />
      <dl class="totals">
        {codes.length > 0 && (
          <>
            <dt>Discount code</dt>
            <dd data-testid="discount-code">{codes.join(', ')}</dd>
          </>
        )}
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">{money(subtotal.amount)}</dd>
        <dt>Shipping</dt>
        <dd>Free</dd>
        <dt class="total">Total</dt>
        <dd class="total">
          <small>{host.data.currency}</small> {money(subtotal.amount)}
        </dd>
        {savings > 0 && (
          <>
            <dt>Total savings</dt>
            <dd data-testid="discount-total">{money(savings)}</dd>
          </>
        )}
      </dl>
    </aside>
  );
}
