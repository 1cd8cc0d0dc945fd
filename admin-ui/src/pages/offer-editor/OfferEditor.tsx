import { useState } from 'preact/hooks';
import type { Offer } from '../../../../core/offers/contract.js';
import { Badge } from '../../components/Badge.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Page } from '../../components/Page.js';
import { Layout } from '../../components/Stack.js';
import { kindLabel, publicationText, statusBadge } from '../../lib/offer-labels.js';
import { navigate } from '../../router/router-store.js';
import { ArchiveDialog } from '../offers-list/ArchiveDialog.js';
import { OfferDetailsCard } from './DetailsCards.js';
import { EditorActions } from './EditorActions.js';
import { LeaveDialog, SplitChangeDialog } from './EditorDialogs.js';
import { createTitle } from './kind-choices.js';
import { KindSection } from './kinds/index.js';
import { useOfferEditorStore } from './offer-editor-store.js';
import type { OfferForm } from './offer-form.js';
import { handOffOffer } from './offer-handoff.js';
import { LivePreview } from './preview/LivePreview.js';
import { ExperimentCard } from './SettingsCards.js';
import { SlotConflictWarning } from './SlotConflictWarning.js';
import { TargetingCard } from './targeting/TargetingCard.js';
import { useLeaveGuard } from './use-leave-guard.js';
import './editor.css';

interface OfferEditorProps {
  offer: Offer | null;
  initial: OfferForm;
  currency: string;
}

export function OfferEditor({ offer, initial, currency }: OfferEditorProps) {
  const [archiving, setArchiving] = useState(false);
  const store = useOfferEditorStore({
    initial,
    offer,
    currency,
    onCreated: (created) => {
      handOffOffer(created);
      navigate({ name: 'offer-edit', id: created.id }, { replace: true });
    },
    // The copy is a draft to adjust: open it (asking first if this form has unsaved changes).
    onDuplicated: (copy) => {
      handOffOffer(copy);
      guard.request({ name: 'offer-edit', id: copy.id });
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
  const readOnly = store.readOnly.value;
  const guard = useLeaveGuard(store.changed.value && !readOnly);
  const awaiting = store.awaitingConfirmation.value;
  const canActivate = saved === null || saved.status === 'draft' || saved.status === 'paused';
  const badge = saved ? statusBadge(saved.status) : null;
  const publication = saved ? publicationText(saved) : null;
  return (
    <Page
      title={saved ? saved.name : createTitle(spec.kind)}
      subtitle={saved ? [kindLabel(spec.kind), publication].filter(Boolean).join(' · ') : undefined}
      titleMetadata={badge && <Badge tone={badge.tone}>{badge.label}</Badge>}
      back={{ to: { name: 'offers' }, label: 'Offers' }}
      actions={saved && <EditorActions store={store} onArchive={() => setArchiving(true)} />}
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
        {readOnly && (
          <Banner tone="info" title="This offer is archived" data-testid="offer-archived">
            <p>
              Archived offers cannot be edited or activated. Their results stay available: use View
              results. To run it again, duplicate it.
            </p>
          </Banner>
        )}
        <SlotConflictWarning store={store} />
        {/* Disabling the fieldset disables every input inside, pickers and rules included. */}
        <fieldset class="EditorFieldset" disabled={readOnly} data-testid="offer-fields">
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
                <LivePreview form={store.values.value} currency={currency} />
                <TargetingCard store={store} currency={currency} />
              </>
            }
            aside={<ExperimentCard store={store} />}
          />
        </fieldset>
        {!readOnly && (
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
        )}
      </form>
      <SplitChangeDialog
        change={store.splitChange.value}
        open={awaiting !== null}
        activating={awaiting === 'activate'}
        loading={busy === 'save' || busy === 'activate'}
        onConfirm={() => void store.confirmSplitChange()}
        onCancel={store.cancelSplitChange}
      />
      <ArchiveDialog
        offer={archiving ? saved : null}
        loading={busy === 'archive'}
        unsavedChanges={store.changed.value}
        onConfirm={async () => {
          await store.archive();
          setArchiving(false);
        }}
        onCancel={() => setArchiving(false)}
      />
      <LeaveDialog open={guard.pending !== null} onLeave={guard.leave} onStay={guard.stay} />
    </Page>
  );
}
