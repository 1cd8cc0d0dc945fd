import { LIMITS } from '../../../core/offers/catalog.js';
import type { Offer, OfferInput } from '../../../core/offers/contract.js';

/** The fields `GET` adds beside an offer's input; a create request must not carry them. */
const SERVER_FIELDS = [
  'id',
  'status',
  'version',
  'experiment',
  'productDetails',
  'discountCode',
  'publication',
  'createdAt',
  'updatedAt',
] as const satisfies readonly Exclude<keyof Offer, keyof OfferInput>[];

const COPY_SUFFIX = ' (copy)';

/** "Socks (copy)", shortened so it still fits the name limit. */
export function copyName(name: string): string {
  const room = LIMITS.name - COPY_SUFFIX.length;
  return `${name.trim().slice(0, room).trimEnd()}${COPY_SUFFIX}`;
}

/**
 * The create body of a copy: the offer's own input (content, targeting, schedule, holdout,
 * discount) under a new name. The server makes it a draft with its own experiment and code.
 */
export function duplicateInput(offer: Offer): OfferInput {
  const input: Record<string, unknown> = { ...offer };
  for (const field of SERVER_FIELDS) delete input[field];
  return { ...(input as OfferInput), name: copyName(offer.name) };
}
