import { KIND_INFO, type OfferKind, type OfferTarget } from '../../../core/offers/catalog.js';
import type { OfferAction, OfferPublication, OfferStatus } from '../../../core/offers/contract.js';
import type { BadgeTone } from '../components/Badge.js';

/** Short placement names for the offers table; the editor shows the catalogue's longer ones. */
export const TARGET_LABELS: Record<OfferTarget, string> = {
  checkout_block: 'Checkout block',
  cart_line_list_after: 'After cart lines',
  storefront_embed: 'Storefront (exit intent)',
  thank_you_block: 'Thank you page',
};

export function kindLabel(kind: OfferKind): string {
  return KIND_INFO[kind].label;
}

const STATUS_BADGES: Record<OfferStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'info' },
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'attention' },
  archived: { label: 'Archived', tone: 'neutral' },
};

export function statusBadge(status: OfferStatus): { label: string; tone: BadgeTone } {
  return STATUS_BADGES[status];
}

/**
 * Whether shoppers see what the admin shows. Only an active offer is "Live"; for the others a
 * published change means they are gone from checkout, which the status badge already says, so
 * nothing is added unless the change is still on its way.
 */
export function publicationText(offer: {
  status: OfferStatus;
  publication?: OfferPublication | null;
}): string | null {
  const publication = offer.publication;
  if (!publication) return null;
  const active = offer.status === 'active';
  switch (publication.state) {
    case 'live':
      return active ? 'Live' : null;
    case 'publishing':
      return 'Publishing…';
    case 'retrying': {
      const reason = publication.message ? `: ${publication.message}` : '';
      return active
        ? `Not live${reason} — retrying`
        : `Change not published yet${reason} — retrying`;
    }
  }
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
