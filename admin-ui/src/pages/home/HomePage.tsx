import { useState } from 'preact/hooks';
import { getApiClient } from '../../api/client.js';
import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { Select } from '../../components/Select.js';
import { useResource } from '../../state/resource.js';
import { CheckoutFunnelCard } from './CheckoutFunnelCard.js';
import { fetchDashboard } from './dashboard-api.js';
import { DEFAULT_PRESET, RANGE_PRESETS, type RangePreset, rangeForPreset } from './date-range.js';
import { OfferNumbersTable } from './OfferNumbersTable.js';
import { SetupChecklist } from './SetupChecklist.js';
import { setupProgress } from './setup-steps.js';
import { TotalsCard } from './TotalsCard.js';
import './home.css';

/** The landing page: what the offers added in a period, the funnels, and what is left to set up. */
export function HomePage() {
  const [preset, setPreset] = useState<RangePreset>(DEFAULT_PRESET);
  const range = rangeForPreset(preset, Date.now());
  const data = useResource(`dashboard:${range.from}:${range.to}`, () =>
    fetchDashboard(getApiClient(), range),
  );
  const state = data.state;
  return (
    <Page
      title="Home"
      actions={
        <LinkButton to={{ name: 'offer-new' }} variant="primary" data-testid="home-create-offer">
          Create offer
        </LinkButton>
      }
    >
      <div class="Home-toolbar">
        <Select
          label="Period"
          options={RANGE_PRESETS}
          value={preset}
          onChange={setPreset}
          data-testid="home-range"
        />
        {state.status === 'ready' && (
          <p class="text-secondary" data-testid="home-range-dates">
            {state.data.range.from} to {state.data.range.to} (UTC)
          </p>
        )}
      </div>
      {state.status === 'loading' && (
        <Card>
          <Loading label="Loading totals" />
        </Card>
      )}
      {state.status === 'error' && (
        <Banner tone="critical" title="Totals could not be loaded" data-testid="home-error">
          <p>{state.message}</p>
          <div>
            <Button onClick={data.reload}>Try again</Button>
          </div>
        </Banner>
      )}
      {state.status === 'ready' && (
        <>
          {!setupProgress(state.data.setup.steps).complete && (
            <SetupChecklist setup={state.data.setup} />
          )}
          <TotalsCard dashboard={state.data} />
          <Card title="Offers" flush data-testid="home-offers">
            {state.data.offers.length > 0 ? (
              <OfferNumbersTable offers={state.data.offers} currency={state.data.currency} />
            ) : (
              <p class="Home-card text-secondary">No offers yet.</p>
            )}
          </Card>
          <CheckoutFunnelCard checkout={state.data.checkout} />
          {setupProgress(state.data.setup.steps).complete && (
            <SetupChecklist setup={state.data.setup} />
          )}
        </>
      )}
    </Page>
  );
}
