import { Badge } from '../../components/Badge.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { formatCount } from '../../lib/format.js';
import { formatMoney } from '../../lib/money.js';
import { kindLabel, statusBadge } from '../../lib/offer-labels.js';
import { Link } from '../../router/Link.js';
import type { DashboardOffer } from './dashboard-types.js';
import { liveText, measurementText } from './home-format.js';

// What the offer added comes right after its name and state, so a phone shows it before the
// table has to scroll; the kind sits under the name.
const COLUMNS: readonly Column[] = [
  { label: 'Offer' },
  { label: 'Status' },
  { label: 'Incremental', align: 'numeric' },
  { label: 'Attributed', align: 'numeric' },
  { label: 'Views', align: 'numeric' },
  { label: 'Adds', align: 'numeric' },
  { label: 'Orders', align: 'numeric' },
];

/** One row per offer with numbers in the period; the name opens its report. */
export function OfferNumbersTable({
  offers,
  currency,
}: {
  offers: readonly DashboardOffer[];
  currency: string;
}) {
  const rows = offers.map((offer) => {
    const badge = statusBadge(offer.status);
    const measured = measurementText(offer, currency);
    return {
      key: offer.id,
      testId: 'home-offer-row',
      cells: [
        <span key="name" class="Home-offerName">
          <Link
            to={{ name: 'offer-results', id: offer.id }}
            class="DataTable-rowLink"
            data-testid="home-offer-name"
          >
            {offer.name}
          </Link>
          <span class="text-secondary" data-testid="home-offer-kind" data-key={offer.kind}>
            {kindLabel(offer.kind)}
          </span>
        </span>,
        <span key="status" class="OfferStatus">
          <Badge tone={badge.tone}>{badge.label}</Badge>
          <span
            class={offer.live ? 'Home-live' : 'text-secondary'}
            data-testid="home-offer-live"
            data-live={String(offer.live)}
          >
            {liveText(offer)}
          </span>
        </span>,
        <span key="incremental" class="Home-measure" data-testid="home-offer-incremental">
          <span class={offer.state === 'measured' ? 'text-strong' : undefined}>
            {measured.value}
          </span>
          {measured.detail && <span class="text-secondary">{measured.detail}</span>}
        </span>,
        formatMoney(offer.attributedRevenue, currency),
        formatCount(offer.views),
        formatCount(offer.adds),
        formatCount(offer.orders),
      ],
    };
  });
  return (
    <div class="Home-offersTable">
      <DataTable
        caption="Offers in this period"
        columns={COLUMNS}
        rows={rows}
        data-testid="home-offers-table"
      />
    </div>
  );
}
