import { Card } from '../../components/Card.js';
import { formatMoney } from '../../lib/money.js';
import type { Dashboard } from './dashboard-types.js';
import {
  describeMethod,
  formatEstimate,
  funnelSteps,
  intervalName,
  intervalVerdict,
} from './home-format.js';

/**
 * The headline: what the offers added (with its interval, or why there is none yet) beside what
 * peer apps would report for the same period, then the views → adds → orders funnel.
 */
export function TotalsCard({ dashboard }: { dashboard: Dashboard }) {
  const { totals, currency, method } = dashboard;
  const incremental = totals.incrementalRevenue
    ? formatEstimate(totals.incrementalRevenue, currency)
    : null;
  return (
    <Card title="What your offers added" data-testid="home-totals">
      <div class="Home-figures">
        <div class="Home-figure" data-testid="home-incremental">
          <p class="Home-figureLabel">Incremental revenue</p>
          {incremental ? (
            <>
              <p class="Home-figureValue">{incremental.value}</p>
              <p class="text-secondary" data-testid="home-incremental-interval">
                {intervalName(method)}: {incremental.interval}
              </p>
              <p data-testid="home-incremental-verdict">
                {totals.incrementalRevenue && intervalVerdict(totals.incrementalRevenue)}
              </p>
            </>
          ) : (
            <p class="Home-figureValue Home-figureValue--muted">Not yet</p>
          )}
          {totals.note && (
            <p class="text-secondary" data-testid="home-totals-note">
              {totals.note}
            </p>
          )}
        </div>
        <div class="Home-figure" data-testid="home-attributed">
          <p class="Home-figureLabel">Attributed revenue (what most apps report)</p>
          <p class="Home-figureValue Home-figureValue--muted">
            {formatMoney(totals.attributedRevenue, currency)}
          </p>
          <p class="text-secondary">
            Every line an offer added. Not all of it is extra: some shoppers would have bought
            anyway.
          </p>
        </div>
      </div>
      <ol class="Home-funnel" aria-label="Offer funnel" data-testid="home-funnel">
        {funnelSteps(totals).map((step) => (
          <li key={step.label} class="Home-funnelStep" data-key={step.label.toLowerCase()}>
            <span class="text-secondary">{step.label}</span>
            <span class="Home-funnelValue">{step.value}</span>
            {step.rate && <span class="text-secondary">{step.rate}</span>}
          </li>
        ))}
      </ol>
      <details class="Home-method">
        <summary>How is this calculated?</summary>
        <p class="text-secondary" data-testid="home-method">
          {describeMethod(method)} Views and adds are distinct checkouts; orders are orders holding
          a line an offer added. Days are UTC.
        </p>
      </details>
    </Card>
  );
}
