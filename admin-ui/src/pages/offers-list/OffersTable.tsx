import type { Offer, OfferAction } from '../../../../core/offers/contract.js';
import { Badge } from '../../components/Badge.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { formatPercent } from '../../lib/format.js';
import { kindLabel, publicationText, statusBadge, TARGET_LABELS } from '../../lib/offer-labels.js';
import { Link } from '../../router/Link.js';
import type { RowAction } from '../../state/offers-store.js';
import { OfferActions } from './OfferActions.js';
import './offers-list.css';

const COLUMNS: readonly Column[] = [
  { label: 'Name' },
  { label: 'Kind' },
  { label: 'Status' },
  { label: 'Target' },
  { label: 'Holdout', align: 'numeric' },
  { label: 'Priority', align: 'numeric' },
  { label: 'Actions', align: 'actions', hidden: true },
];

interface OffersTableProps {
  caption: string;
  offers: readonly Offer[];
  pending: ReadonlyMap<string, RowAction>;
  onAction: (offer: Offer, action: OfferAction) => void;
  onDuplicate: (offer: Offer) => void;
}

export function OffersTable({ caption, offers, pending, onAction, onDuplicate }: OffersTableProps) {
  const rows = offers.map((offer) => {
    const badge = statusBadge(offer.status);
    const publication = publicationText(offer);
    return {
      key: offer.id,
      testId: 'offer-row',
      cells: [
        <Link
          key="name"
          to={{ name: 'offer-edit', id: offer.id }}
          class="DataTable-rowLink"
          data-testid="offer-name"
        >
          {offer.name}
        </Link>,
        <span key="kind" data-testid="offer-kind" data-key={offer.kind}>
          {kindLabel(offer.kind)}
        </span>,
        <span key="status" class="OfferStatus">
          <Badge tone={badge.tone} data-testid="offer-status">
            {badge.label}
          </Badge>
          {publication && (
            <span class="text-secondary" data-testid="offer-publication">
              {publication}
            </span>
          )}
        </span>,
        TARGET_LABELS[offer.target],
        formatPercent(offer.holdout),
        offer.priority,
        <OfferActions
          key="actions"
          offer={offer}
          pending={pending.get(offer.id) ?? null}
          onAction={(action) => onAction(offer, action)}
          onDuplicate={() => onDuplicate(offer)}
        />,
      ],
    };
  });
  return (
    <div class="OffersTable">
      <DataTable caption={caption} columns={COLUMNS} rows={rows} data-testid="offers-table" />
    </div>
  );
}
