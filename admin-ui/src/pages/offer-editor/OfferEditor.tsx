import type { Offer } from '../../../../core/offers/contract.js';
import { Badge } from '../../components/Badge.js';
import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Page } from '../../components/Page.js';
import { Layout } from '../../components/Stack.js';
import { kindLabel, publicationText, statusBadge } from '../../lib/offer-labels.js';
import { navigate } from '../../router/router-store.js';
import { OfferDetailsCard } from './DetailsCards.js';
import { createTitle } from './kind-choices.js';
import { KindSection } from './kinds/index.js';
import { useOfferEditorStore } from './offer-editor-store.js';
import type { OfferForm } from './offer-form.js';
import { handOffOffer } from './offer-handoff.js';
import { ExperimentCard, ScheduleCard, TargetingCard } from './SettingsCards.js';
import './editor.css';

interface OfferEditorProps {
  offer: Offer | null;
  initial: OfferForm;
  currency: string;
}

export function OfferEditor({ offer, initial, currency }: OfferEditorProps) {
  const store = useOfferEditorStore({
    initial,
    offer,
    currency,
    onCreated: (created) => {
      handOffOffer(created);
      navigate({ name: 'offer-edit', id: created.id }, { replace: true });
    },
    // Focus the first field at fault so keyboard and screen-reader users land on it.
    onInvalid: () =>
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      }),
  });
  const saved = store.saved.value;
  const busy = store.busy.value;
  const spec = store.values.value.spec;
  const canActivate = saved === null || saved.status === 'draft' || saved.status === 'paused';
  const badge = saved ? statusBadge(saved.status) : null;
  const publication = saved ? publicationText(saved) : null;
  return (
    <Page
      title={saved ? saved.name : createTitle(spec.kind)}
      subtitle={saved ? [kindLabel(spec.kind), publication].filter(Boolean).join(' · ') : undefined}
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
        data-kind={spec.kind}
        onSubmit={(event) => {
          event.preventDefault();
          void store.save();
        }}
      >
        {store.formError.value && (
          <Banner tone="critical" title="The offer was not saved" data-testid="offer-form-error">
            <p>{store.formError.value}</p>
            {store.formDetails.value.length > 0 && (
              <ul>
                {store.formDetails.value.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
            {store.conflict.value && (
              <div>
                <Button
                  loading={busy === 'reload'}
                  onClick={() => void store.reloadLatest()}
                  data-testid="offer-reload-latest"
                >
                  Load the latest version
                </Button>
              </div>
            )}
          </Banner>
        )}
        <Layout
          main={
            <>
              <OfferDetailsCard store={store} />
              <KindSection
                form={spec}
                errors={store.errors.value}
                currency={currency}
                onChange={store.updateSpec}
              />
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
              disabled={busy !== null && busy !== 'activate'}
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
            disabled={(busy !== null && busy !== 'save') || !store.dirty.value}
            data-testid="offer-save"
          >
            Save
          </Button>
        </div>
      </form>
    </Page>
  );
}
