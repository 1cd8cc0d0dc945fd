import { getApiClient } from '../../api/client.js';
import { fetchOffer } from '../../api/endpoints.js';
import type { Offer } from '../../api/types.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { type Resource, useResource } from '../../state/resource.js';
import { loadShop, useShop } from '../../state/shop-store.js';
import { OfferEditor } from './OfferEditor.js';
import { emptyOfferForm, offerToForm } from './offer-form.js';
import { takeHandedOffOffer } from './offer-handoff.js';

const BACK = { to: { name: 'offers' }, label: 'Offers' } as const;

/** Creates an offer (no id) or edits one; waits for the shop, whose currency and default holdout it needs. */
export function OfferEditorPage({ id }: { id: string | null }) {
  const shop = useShop();
  const offer = useResource<Offer | null>(`offer:${id ?? 'new'}`, () => {
    if (id === null) return Promise.resolve(null);
    const handedOff = takeHandedOffOffer(id);
    return handedOff ? Promise.resolve(handedOff) : fetchOffer(getApiClient(), id);
  });

  const failed = firstError(shop, offer.state);
  if (failed) {
    return (
      <Page title={id ? 'Edit offer' : 'Create cross-sell'} back={BACK}>
        <Banner
          tone="critical"
          title="This offer could not be loaded"
          data-testid="offer-load-error"
        >
          <p>{failed}</p>
          <div>
            <Button
              onClick={() => {
                if (shop.status === 'error') void loadShop();
                if (offer.state.status === 'error') offer.reload();
              }}
            >
              Try again
            </Button>
          </div>
        </Banner>
      </Page>
    );
  }
  if (shop.status !== 'ready' || offer.state.status !== 'ready') {
    return (
      <Page title={id ? 'Edit offer' : 'Create cross-sell'} back={BACK}>
        <Card>
          <Loading label="Loading offer" />
        </Card>
      </Page>
    );
  }
  const loaded = offer.state.data;
  return (
    <OfferEditor
      key={loaded?.id ?? 'new'}
      offer={loaded}
      initial={loaded ? offerToForm(loaded) : emptyOfferForm(shop.data.settings.defaultHoldout)}
      currency={shop.data.currency}
    />
  );
}

function firstError(...states: Resource<unknown>[]): string | null {
  for (const state of states) if (state.status === 'error') return state.message;
  return null;
}
