import { Badge } from '../../components/Badge.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { formatCount } from '../../lib/format.js';
import { formatMoney } from '../../lib/money.js';
import { kindLabel, statusBadge } from '../../lib/offer-labels.js';
import { Link } from '../../router/Link.js';
import type { DashboardOffer } from './dashboard-types.js';
import { liveText, measurementText } from './home-format.js';

const COLUMNS: readonly Column[] = [
  { label: 'Offer' },
  { label: 'Kind' },
  { label: 'Status' },
  { label: 'Views', align: 'numeric' },
  { label: 'Adds', align: 'numeric' },
  { label: 'Orders', align: 'numeric' },
  { label: 'Attributed', align: 'numeric' },
  { label: 'Incremental', align: 'numeric' },
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
        <Link
          key="name"
          to={{ name: 'offer-results', id: offer.id }}
          class="DataTable-rowLink"
          data-testid="home-offer-name"
        >
          {offer.name}
        </Link>,
        kindLabel(offer.kind),
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
        formatCount(offer.views),
        formatCount(offer.adds),
        formatCount(offer.orders),
        formatMoney(offer.attributedRevenue, currency),
        <span key="incremental" class="Home-measure" data-testid="home-offer-incremental">
          <span class={offer.state === 'measured' ? 'text-strong' : undefined}>
            {measured.value}
          </span>
          {measured.detail && <span class="text-secondary">{measured.detail}</span>}
        </span>,
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
