import type { Offer, OfferAction } from '../../../../core/offers/contract.js';
import { Button } from '../../components/Button.js';
import { Stack } from '../../components/Stack.js';
import { availableActions } from '../../lib/offer-labels.js';
import { Link } from '../../router/Link.js';
import type { RowAction } from '../../state/offers-store.js';

export const ACTION_LABELS: Record<OfferAction, string> = {
  activate: 'Activate',
  pause: 'Pause',
  archive: 'Archive',
};

interface OfferActionsProps {
  offer: Offer;
  pending: RowAction | null;
  onAction: (action: OfferAction) => void;
  onDuplicate: () => void;
}

/** Row actions. Results are reachable from every tab, archived included. */
export function OfferActions({ offer, pending, onAction, onDuplicate }: OfferActionsProps) {
  const busy = pending !== null;
  return (
    <Stack inline>
      <Link
        to={{ name: 'offer-results', id: offer.id }}
        class="Button Button--tertiary"
        data-testid="offer-results-link"
      >
        Results
        <span class="visually-hidden"> of {offer.name}</span>
      </Link>
      <Button
        variant="tertiary"
        loading={pending === 'duplicate'}
        disabled={busy && pending !== 'duplicate'}
        onClick={onDuplicate}
        accessibilityLabel={`Duplicate ${offer.name}`}
        data-testid="offer-action-duplicate"
      >
        Duplicate
      </Button>
      {availableActions(offer.status).map((action) => (
        <Button
          key={action}
          loading={pending === action}
          disabled={busy && pending !== action}
          onClick={() => onAction(action)}
          accessibilityLabel={`${ACTION_LABELS[action]} ${offer.name}`}
          data-testid={`offer-action-${action}`}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
    </Stack>
  );
}
