import { Card } from '../../components/Card.js';
import { formatCount } from '../../lib/format.js';
import type { CheckoutFunnel } from './dashboard-types.js';
import { abandonmentText } from './home-format.js';

/** Checkout started → completed, from Closer's web pixel (completions confirmed by orders too). */
export function CheckoutFunnelCard({ checkout }: { checkout: CheckoutFunnel }) {
  return (
    <Card title="Checkout" data-testid="home-checkout">
      <div class="Home-card">
        {checkout.started === 0 ? (
          <p class="text-secondary" data-testid="home-checkout-empty">
            No checkout starts received from Closer’s pixel in this period.
          </p>
        ) : (
          <dl class="Home-stats">
            <div>
              <dt class="text-secondary">Started</dt>
              <dd data-testid="home-checkout-started">{formatCount(checkout.started)}</dd>
            </div>
            <div>
              <dt class="text-secondary">Completed</dt>
              <dd data-testid="home-checkout-completed">{formatCount(checkout.completed)}</dd>
            </div>
            <div>
              <dt class="text-secondary">Abandoned</dt>
              <dd data-testid="home-checkout-abandonment">
                {abandonmentText(checkout.abandonmentRate)}
              </dd>
            </div>
          </dl>
        )}
        <p class="text-secondary">
          Checkouts that started in the period and how many of them were completed, from the
          checkout pixel and the orders Shopify sent.
        </p>
      </div>
    </Card>
  );
}
