import { useState } from 'preact/hooks';
import { getApiClient } from '../../api/client.js';
import { fetchOffer, fetchOfferResults } from '../../api/endpoints.js';
import { Badge } from '../../components/Badge.js';
import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { ExperimentPicker } from '../../components/ExperimentPicker.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { statusBadge } from '../../lib/offer-labels.js';
import { useResource } from '../../state/resource.js';
import { useShop } from '../../state/shop-store.js';
import { ResultsNote } from './ResultsNote.js';
import { ResultsTable } from './ResultsTable.js';
import { UpliftReport } from './report/UpliftReport.js';
import { hasExposures } from './results-rows.js';

const BACK = { to: { name: 'offers' }, label: 'Offers' } as const;

export function OfferResultsPage({ id }: { id: string }) {
  const shop = useShop();
  // An earlier experiment of this offer, when the merchant picks one; null shows the current.
  const [pickedExperiment, setPickedExperiment] = useState<string | null>(null);
  const data = useResource(`results:${id}`, async () => {
    const client = getApiClient();
    const [offer, results] = await Promise.all([
      fetchOffer(client, id),
      fetchOfferResults(client, id),
    ]);
    return { offer, results };
  });
  const state = data.state;

  if (state.status === 'error') {
    return (
      <Page title="Results" back={BACK}>
        <Banner tone="critical" title="Results could not be loaded" data-testid="results-error">
          <p>{state.message}</p>
          <div>
            <Button onClick={data.reload}>Try again</Button>
          </div>
        </Banner>
      </Page>
    );
  }
  if (state.status === 'loading') {
    return (
      <Page title="Results" back={BACK}>
        <Card>
          <Loading label="Loading results" />
        </Card>
      </Page>
    );
  }

  const { offer, results } = state.data;
  // The results name their currency; the shop's is the fallback for an older server.
  const currency = results.currency || (shop.status === 'ready' ? shop.data.currency : 'USD');
  const badge = statusBadge(offer.status);
  const experimentKey = pickedExperiment ?? offer.experiment.key;
  const earlier = experimentKey !== offer.experiment.key;
  // The plain per-arm counts: all there is before any data, and the fallback if the report fails.
  const perArm = (
    <>
      <Card title="Per arm" flush>
        <ResultsTable arms={results.arms} currency={currency} />
      </Card>
      <ResultsNote />
    </>
  );
  return (
    <Page
      title={offer.name}
      subtitle="Results"
      titleMetadata={<Badge tone={badge.tone}>{badge.label}</Badge>}
      back={BACK}
      actions={
        <LinkButton to={{ name: 'offer-edit', id: offer.id }} data-testid="results-edit-offer">
          Edit offer
        </LinkButton>
      }
    >
      <ExperimentPicker
        offerId={offer.id}
        selected={experimentKey}
        onSelect={setPickedExperiment}
      />
      {earlier || hasExposures(results.arms) ? (
        // The per-arm counts are the current experiment's, so an earlier one has no fallback.
        <UpliftReport
          key={experimentKey}
          experimentKey={experimentKey}
          fallback={earlier ? null : perArm}
        />
      ) : (
        <>
          <Banner tone="warning" title="No data yet" data-testid="results-empty">
            <p>No checkout has reached this offer yet. Activate it and place the checkout block.</p>
          </Banner>
          {perArm}
        </>
      )}
    </Page>
  );
}
