import { useState } from 'preact/hooks';
import type { Offer, OfferAction } from '../../../../core/offers/contract.js';
import { Button } from '../../components/Button.js';
import { Stack } from '../../components/Stack.js';
import { availableActions } from '../../lib/offer-labels.js';
import { Link } from '../../router/Link.js';
import { applyOfferAction } from '../../state/offers-store.js';

const LABELS: Record<OfferAction, string> = {
  activate: 'Activate',
  pause: 'Pause',
  archive: 'Archive',
};

/**
 * Row actions. Archiving cannot be undone (there is no unarchive endpoint), so it asks for a
 * second click in place rather than opening a modal.
 */
export function OfferActions({ offer, pending }: { offer: Offer; pending: OfferAction | null }) {
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  if (confirmingArchive) {
    return (
      <Stack inline>
        <Button
          variant="critical"
          loading={pending === 'archive'}
          onClick={() => void applyOfferAction(offer.id, 'archive')}
          data-testid="offer-action-archive-confirm"
        >
          Confirm archive
        </Button>
        <Button onClick={() => setConfirmingArchive(false)} disabled={pending !== null}>
          Cancel
        </Button>
      </Stack>
    );
  }
  return (
    <Stack inline>
      <Link
        to={{ name: 'offer-results', id: offer.id }}
        class="Button Button--tertiary"
        data-testid="offer-results-link"
      >
        Results
      </Link>
      {availableActions(offer.status).map((action) => (
        <Button
          key={action}
          loading={pending === action}
          disabled={pending !== null && pending !== action}
          onClick={() =>
            action === 'archive'
              ? setConfirmingArchive(true)
              : void applyOfferAction(offer.id, action)
          }
          accessibilityLabel={`${LABELS[action]} ${offer.name}`}
          data-testid={`offer-action-${action}`}
        >
          {LABELS[action]}
        </Button>
      ))}
    </Stack>
  );
}
