import type { OfferKind } from '../../../../core/offers/catalog.js';
import type { Offer } from '../../../../core/offers/contract.js';
import { getApiClient } from '../../api/client.js';
import { fetchOffer } from '../../api/endpoints.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { type Resource, useResource } from '../../state/resource.js';
import { loadShop, useShop } from '../../state/shop-store.js';
import { createTitle } from './kind-choices.js';
import { OfferEditor } from './OfferEditor.js';
import { emptyOfferForm, offerToForm } from './offer-form.js';
import { takeHandedOffOffer } from './offer-handoff.js';

const BACK = { to: { name: 'offers' }, label: 'Offers' } as const;

type EditorTarget = { id: string } | { kind: OfferKind };

/**
 * Creates an offer of a kind or edits one; waits for the shop, whose currency and default holdout
 * it needs.
 */
export function OfferEditorPage(props: EditorTarget) {
  const id = 'id' in props ? props.id : null;
  const title = 'kind' in props ? createTitle(props.kind) : 'Edit offer';
  const shop = useShop();
  const offer = useResource<Offer | null>(`offer:${id ?? 'new'}`, () => {
    if (id === null) return Promise.resolve(null);
    const handedOff = takeHandedOffOffer(id);
    return handedOff ? Promise.resolve(handedOff) : fetchOffer(getApiClient(), id);
  });

  const failed = firstError(shop, offer.state);
  if (failed) {
    return (
      <Page title={title} back={BACK}>
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
      <Page title={title} back={BACK}>
        <Card>
          <Loading label="Loading offer" />
        </Card>
      </Page>
    );
  }
  const loaded = offer.state.data;
  const { currency, settings } = shop.data;
  // An id always loads an offer; without one the route names the kind to create.
  const initial = loaded
    ? offerToForm(loaded, currency)
    : 'kind' in props
      ? emptyOfferForm(props.kind, settings.defaultHoldout)
      : null;
  if (!initial) return null;
  return (
    <OfferEditor
      key={loaded?.id ?? `new:${initial.spec.kind}`}
      offer={loaded}
      initial={initial}
      currency={currency}
    />
  );
}

function firstError(...states: Resource<unknown>[]): string | null {
  for (const state of states) if (state.status === 'error') return state.message;
  return null;
}
