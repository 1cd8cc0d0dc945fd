import type { OfferTarget } from '../../../core/offers/catalog.js';
import type { OfferStatus } from '../../../core/offers/contract.js';

/** The offers list's tabs, one per status, in the order a merchant looks for them. */
export const OFFER_TABS = [
  'active',
  'draft',
  'paused',
  'archived',
] as const satisfies readonly OfferStatus[];
export type OfferTab = (typeof OFFER_TABS)[number];

export const TAB_LABELS: Record<OfferTab, string> = {
  active: 'Active',
  draft: 'Draft',
  paused: 'Paused',
  archived: 'Archived',
};

interface Listed {
  id: string;
  name: string;
  status: OfferStatus;
  target: OfferTarget;
  priority: number;
}

/** Case and accents do not matter: "creme" finds "Crème brûlée". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The offers of one tab whose name holds every word of the search, in the list's order. */
export function offersInTab<T extends Listed>(
  offers: readonly T[],
  tab: OfferTab,
  search: string,
): T[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return offers.filter(
    (offer) => offer.status === tab && words.every((word) => fold(offer.name).includes(word)),
  );
}

/** How many offers each tab holds (archived only once they were loaded). */
export function tabCounts(offers: readonly Listed[]): Record<OfferTab, number> {
  const counts: Record<OfferTab, number> = { active: 0, draft: 0, paused: 0, archived: 0 };
  for (const offer of offers) counts[offer.status] += 1;
  return counts;
}

/** The tab a list opens on: active offers if there are any, else the first tab with offers. */
export function defaultTab(offers: readonly Listed[]): OfferTab {
  const counts = tabCounts(offers);
  return OFFER_TABS.find((tab) => tab !== 'archived' && counts[tab] > 0) ?? 'active';
}

/**
 * Active offers that compete for one slot: same placement, same priority. Checkout shows one
 * offer per placement, the highest priority first, so between these the order is not the
 * merchant's choice.
 */
export interface SlotConflict {
  target: OfferTarget;
  priority: number;
  offers: { id: string; name: string }[];
}

export function slotConflicts(offers: readonly Listed[]): SlotConflict[] {
  const groups = new Map<string, SlotConflict>();
  for (const offer of offers) {
    if (offer.status !== 'active') continue;
    const key = `${offer.target}|${offer.priority}`;
    const group = groups.get(key) ?? { target: offer.target, priority: offer.priority, offers: [] };
    group.offers.push({ id: offer.id, name: offer.name });
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.offers.length > 1);
}

/** Other active offers at this offer's placement and priority (as it is being edited). */
export function competingOffers<T extends Listed>(
  offer: { id: string | null; target: OfferTarget; priority: number },
  offers: readonly T[],
): T[] {
  return offers.filter(
    (other) =>
      other.id !== offer.id &&
      other.status === 'active' &&
      other.target === offer.target &&
      other.priority === offer.priority,
  );
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
