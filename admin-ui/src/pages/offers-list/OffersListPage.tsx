import { useEffect, useState } from 'preact/hooks';
import type { Offer, OfferAction } from '../../../../core/offers/contract.js';
import { Banner } from '../../components/Banner.js';
import { Button, LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SearchIcon } from '../../components/icons.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { Tabs } from '../../components/Tabs.js';
import { TextField } from '../../components/TextField.js';
import { navigate } from '../../router/router-store.js';
import {
  defaultTab,
  OFFER_TABS,
  type OfferTab,
  offersInTab,
  slotConflicts,
  TAB_LABELS,
  tabCounts,
} from '../../state/offer-list-view.js';
import { offersStore, type RowAction, useOffers } from '../../state/offers-store.js';
import type { Resource } from '../../state/resource.js';
import { handOffOffer } from '../offer-editor/offer-handoff.js';
import { ArchiveDialog } from './ArchiveDialog.js';
import { OffersTable } from './OffersTable.js';
import { SlotConflictsBanner } from './SlotConflictsBanner.js';
import './offers-list.css';

export function OffersListPage() {
  const { state, archived, pending, actionError } = useOffers();
  const [chosenTab, setTab] = useState<OfferTab | null>(null);
  const [search, setSearch] = useState('');
  const [archiving, setArchiving] = useState<Offer | null>(null);
  const live = state.status === 'ready' ? state.data : [];
  // Until the merchant picks a tab, the list opens where their offers are.
  const tab = chosenTab ?? defaultTab(live);
  const needsArchived = tab === 'archived' && archived === null;
  useEffect(() => {
    if (needsArchived) void offersStore.loadArchived();
  }, [needsArchived]);

  const hasOffers = state.status === 'ready' && state.data.length > 0;
  const counts = tabCounts(live);
  const tabs = OFFER_TABS.map((id) => ({
    id,
    label: TAB_LABELS[id],
    count:
      id === 'archived' ? (archived?.status === 'ready' ? archived.data.length : null) : counts[id],
  }));

  const onAction = (offer: Offer, action: OfferAction) => {
    if (action === 'archive') setArchiving(offer);
    else void offersStore.applyAction(offer.id, action);
  };
  const onDuplicate = async (offer: Offer) => {
    const copy = await offersStore.duplicate(offer);
    if (!copy) return;
    // The copy is a draft to adjust before it goes live: open it.
    handOffOffer(copy);
    navigate({ name: 'offer-edit', id: copy.id });
  };

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
        <Banner
          tone="critical"
          title="The offer was not updated"
          onDismiss={offersStore.dismissActionError}
        >
          <p>{actionError}</p>
        </Banner>
      )}
      <SlotConflictsBanner conflicts={slotConflicts(live)} />
      {state.status === 'loading' && (
        <Card>
          <Loading label="Loading offers" />
        </Card>
      )}
      {state.status === 'error' && (
        <Banner tone="critical" title="Offers could not be loaded" data-testid="offers-error">
          <p>{state.message}</p>
          <div>
            <Button onClick={() => void offersStore.load()}>Try again</Button>
          </div>
        </Banner>
      )}
      {state.status === 'ready' && (
        <Card flush>
          <Tabs
            label="Offers by status"
            tabs={tabs}
            selected={tab}
            onSelect={setTab}
            data-testid="offer-tabs"
          >
            {!hasOffers && tab !== 'archived' ? (
              <FirstOffer />
            ) : (
              <>
                <div class="OffersList-search">
                  <TextField
                    label="Search offers by name"
                    labelHidden
                    type="search"
                    value={search}
                    onInput={setSearch}
                    prefix={<SearchIcon />}
                    placeholder="Search by name"
                    data-testid="offer-search"
                  />
                </div>
                <TabContent
                  tab={tab}
                  everywhere={[...live, ...(archived?.status === 'ready' ? archived.data : [])]}
                  source={tab === 'archived' ? archived : state}
                  search={search}
                  pending={pending}
                  onAction={onAction}
                  onDuplicate={(offer) => void onDuplicate(offer)}
                />
              </>
            )}
          </Tabs>
        </Card>
      )}
      <ArchiveDialog
        offer={archiving}
        loading={archiving !== null && pending.get(archiving.id) === 'archive'}
        onCancel={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          await offersStore.applyAction(archiving.id, 'archive');
          setArchiving(null);
        }}
      />
    </Page>
  );
}

interface TabContentProps {
  tab: OfferTab;
  /** Every loaded offer, to say where a search found what this tab does not hold. */
  everywhere: readonly Offer[];
  source: Resource<Offer[]> | null;
  search: string;
  pending: ReadonlyMap<string, RowAction>;
  onAction: (offer: Offer, action: OfferAction) => void;
  onDuplicate: (offer: Offer) => void;
}

function TabContent({
  tab,
  everywhere,
  source,
  search,
  pending,
  onAction,
  onDuplicate,
}: TabContentProps) {
  if (source === null || source.status === 'loading') {
    return <Loading label={`Loading ${TAB_LABELS[tab].toLowerCase()} offers`} />;
  }
  if (source.status === 'error') {
    return (
      <div class="OffersList-message">
        <Banner
          tone="critical"
          title="These offers could not be loaded"
          data-testid="offers-tab-error"
        >
          <p>{source.message}</p>
          <div>
            <Button onClick={() => void offersStore.loadArchived()}>Try again</Button>
          </div>
        </Banner>
      </div>
    );
  }
  const offers = offersInTab(source.data, tab, search);
  if (offers.length === 0) {
    return (
      <p class="OffersList-message text-secondary" data-testid="offers-tab-empty">
        {search.trim()
          ? `No ${TAB_LABELS[tab].toLowerCase()} offers match “${search.trim()}”.${foundElsewhere(everywhere, tab, search)}`
          : EMPTY_TAB[tab]}
      </p>
    );
  }
  return (
    <OffersTable
      caption={`${TAB_LABELS[tab]} offers`}
      offers={offers}
      pending={pending}
      onAction={onAction}
      onDuplicate={onDuplicate}
    />
  );
}

/** " 2 in Draft, 1 in Paused." — the other tabs where the search finds offers. */
function foundElsewhere(offers: readonly Offer[], tab: OfferTab, search: string): string {
  const found = OFFER_TABS.filter((other) => other !== tab)
    .map((other) => ({ other, count: offersInTab(offers, other, search).length }))
    .filter(({ count }) => count > 0)
    .map(({ other, count }) => `${count} in ${TAB_LABELS[other]}`);
  return found.length > 0 ? ` ${found.join(', ')}.` : '';
}

const EMPTY_TAB: Record<OfferTab, string> = {
  active: 'No offer is active. Activate a draft to show it in checkout.',
  draft: 'No drafts.',
  paused: 'No paused offers.',
  archived: 'No archived offers. Archived offers and their results appear here.',
};

function FirstOffer() {
  return (
    <EmptyState
      heading="Create your first offer"
      action={
        <LinkButton to={{ name: 'offer-new' }} variant="primary" data-testid="create-offer">
          Create offer
        </LinkButton>
      }
    >
      <p>
        Show a cross-sell, an upsell or a trust banner in checkout to a random share of shoppers.
        Closer keeps a holdout group that sees nothing, so you can tell how much revenue the offer
        really adds.
      </p>
    </EmptyState>
  );
}
