import type { OrderLine } from '../../drizzle/schema.js';

/** The cart line attribute the checkout extension sets on lines it adds: `offerId:arm`. */
export const OFFER_LINE_PROPERTY = '_closer_offer';

export interface OfferLine {
  lineId: string;
  offerId: string;
  arm: string;
  amount: number;
}

export function parseOfferProperty(
  value: string | undefined,
): { offerId: string; arm: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,32})$/.exec(value ?? '');
  return match ? { offerId: match[1] as string, arm: match[2] as string } : null;
}

/** Lines an offer added, with their revenue (after line discounts). */
export function offerLinesOf(lines: OrderLine[]): OfferLine[] {
  const result: OfferLine[] = [];
  for (const line of lines) {
    const parsed = parseOfferProperty(line.properties[OFFER_LINE_PROPERTY]);
    if (parsed) result.push({ lineId: line.id, ...parsed, amount: line.amount });
  }
  return result;
}
