import { Banner } from '../../components/Banner.js';
import { TARGET_LABELS } from '../../lib/offer-labels.js';
import { listNames, type SlotConflict } from '../../state/offer-list-view.js';

/**
 * Checkout shows one offer per placement, the highest priority first; between active offers of
 * equal priority the merchant does not decide which one a shopper gets, so say which compete.
 */
export function SlotConflictsBanner({ conflicts }: { conflicts: readonly SlotConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <Banner
      tone="warning"
      title="Active offers compete for the same slot"
      data-testid="slot-conflicts"
    >
      <ul>
        {conflicts.map((conflict) => (
          <li key={`${conflict.target}|${conflict.priority}`} data-testid="slot-conflict">
            {listNames(conflict.offers.map((offer) => `“${offer.name}”`))}:{' '}
            {TARGET_LABELS[conflict.target]}, priority {conflict.priority}.
          </li>
        ))}
      </ul>
      <p>
        A shopper sees one offer per placement. With equal priorities, which one shows is not up to
        you: give the one you prefer a higher priority.
      </p>
    </Banner>
  );
}
