import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { dismissActionError, loadOffers, useOffers } from '../../state/offers-store.js';
import { OffersTable } from './OffersTable.js';

export function OffersListPage() {
  const { state, pending, actionError } = useOffers();
  const hasOffers = state.status === 'ready' && state.data.length > 0;
  return (
    <Page
      title="Offers"
      actions={
        hasOffers && (
          <LinkButton to={{ name: 'offer-new' }} variant="primary" data-testid="create-offer">
            Create offer
          </LinkButton>
        )
      }
    >
      {actionError && (
        <Banner tone="critical" title="The offer was not updated" onDismiss={dismissActionError}>
          <p>{actionError}</p>
        </Banner>
      )}
      {state.status === 'loading' && (
        <Card>
          <Loading label="Loading offers" />
        </Card>
      )}
      {state.status === 'error' && (
        <Banner tone="critical" title="Offers could not be loaded" data-testid="offers-error">
          <p>{state.message}</p>
          <div>
            <Button onClick={() => void loadOffers()}>Try again</Button>
          </div>
        </Banner>
      )}
      {state.status === 'ready' &&
        (hasOffers ? (
          <Card flush>
            <OffersTable offers={state.data} pending={pending} />
          </Card>
        ) : (
          <Card>
            <EmptyState
              heading="Create your first offer"
              action={
                <LinkButton to={{ name: 'offer-new' }} variant="primary" data-testid="create-offer">
                  Create offer
                </LinkButton>
              }
            >
              <p>
                Show a cross-sell, an upsell or a trust banner in checkout to a random share of
                shoppers. Closer keeps a holdout group that sees nothing, so you can tell how much
                revenue the offer really adds.
              </p>
            </EmptyState>
          </Card>
        ))}
    </Page>
  );
}
