import type { Offer } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Page } from '../../components/Page.js';
import { Layout } from '../../components/Stack.js';
import { statusBadge } from '../../lib/offer-labels.js';
import { OfferContentCard, OfferDetailsCard } from './DetailsCards.js';
import { useOfferEditorStore } from './offer-editor-store.js';
import type { OfferFormValues } from './offer-form.js';
import { ProductPicker } from './ProductPicker.js';
import { ExperimentCard, ScheduleCard, TargetingCard } from './SettingsCards.js';
import './editor.css';

interface OfferEditorProps {
  offer: Offer | null;
  initial: OfferFormValues;
  currency: string;
}

export function OfferEditor({ offer, initial, currency }: OfferEditorProps) {
  const store = useOfferEditorStore(initial, offer);
  const saved = store.saved.value;
  const busy = store.busy.value;
  const canActivate = saved === null || saved.status === 'draft' || saved.status === 'paused';
  const badge = saved ? statusBadge(saved.status) : null;
  return (
    <Page
      title={saved ? saved.name : 'Create cross-sell'}
      titleMetadata={badge && <Badge tone={badge.tone}>{badge.label}</Badge>}
      back={{ to: { name: 'offers' }, label: 'Offers' }}
      actions={
        saved && (
          <LinkButton to={{ name: 'offer-results', id: saved.id }} data-testid="offer-view-results">
            View results
          </LinkButton>
        )
      }
    >
      <form
        class="EditorForm"
        noValidate
        aria-label="Offer"
        onSubmit={(event) => {
          event.preventDefault();
          void store.save();
        }}
      >
        {store.formError.value && (
          <Banner tone="critical" title="The offer was not saved" data-testid="offer-form-error">
            <p>{store.formError.value}</p>
          </Banner>
        )}
        <Layout
          main={
            <>
              <OfferDetailsCard store={store} />
              <OfferContentCard store={store} />
              <Card title="Products">
                <ProductPicker
                  selected={store.values.value.products}
                  onChange={(products) => store.update('products', products)}
                  currency={currency}
                  error={store.errors.value.products}
                />
              </Card>
              <TargetingCard store={store} />
            </>
          }
          aside={
            <>
              <ExperimentCard store={store} />
              <ScheduleCard store={store} />
            </>
          }
        />
        <div class="PageActions">
          {canActivate && (
            <Button
              loading={busy === 'activate'}
              disabled={busy === 'save'}
              onClick={() => void store.activate()}
              data-testid="offer-activate"
            >
              {store.dirty.value ? 'Save and activate' : 'Activate'}
            </Button>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={busy === 'save'}
            disabled={busy === 'activate' || !store.dirty.value}
            data-testid="offer-save"
          >
            Save
          </Button>
        </div>
      </form>
    </Page>
  );
}
