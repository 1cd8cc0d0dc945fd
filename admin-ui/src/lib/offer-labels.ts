import type { OfferAction, OfferStatus, OfferTarget } from '../api/types.js';
import type { BadgeTone } from '../components/Badge.js';

export const TARGET_LABELS: Record<OfferTarget, string> = {
  checkout_block: 'Checkout block',
  cart_line_list_after: 'After cart lines',
};

const STATUS_BADGES: Record<OfferStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'info' },
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'attention' },
  archived: { label: 'Archived', tone: 'neutral' },
};

export function statusBadge(status: OfferStatus): { label: string; tone: BadgeTone } {
  return STATUS_BADGES[status];
}

/** The transitions the server accepts from each status; archived is final. */
export function availableActions(status: OfferStatus): OfferAction[] {
  switch (status) {
    case 'draft':
    case 'paused':
      return ['activate', 'archive'];
    case 'active':
      return ['pause', 'archive'];
    case 'archived':
      return [];
  }
}
