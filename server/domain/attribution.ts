import { and, eq, inArray } from 'drizzle-orm';
import { OFFER_LINE_ATTRIBUTE } from '../../core/offers/catalog.js';
import { type OrderLine, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { kindModule } from './offer-kinds/index.js';
import { productsById } from './offer-products.js';

/** The cart line attribute the checkout extension sets on lines it adds: `offerId:arm`. */
export const OFFER_LINE_PROPERTY = OFFER_LINE_ATTRIBUTE;

export interface OfferLine {
  lineId: string;
  offerId: string;
  arm: string;
  /** What the offer earned on this line (minor units): the kind decides (upsell: the difference). */
  amount: number;
}

export function parseOfferProperty(
  value: string | undefined,
): { offerId: string; arm: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,32})$/.exec(value ?? '');
  return match ? { offerId: match[1] as string, arm: match[2] as string } : null;
}

/**
 * The lines of an order that one of this shop's offers added or changed, with the revenue the
 * offer's kind credits it for. A forged property or another shop's offer id credits nothing.
 */
export async function creditOfferLines(
  ctx: AppContext,
  shop: string,
  lines: OrderLine[],
): Promise<OfferLine[]> {
  const tagged = lines.flatMap((line) => {
    const parsed = parseOfferProperty(line.properties[OFFER_LINE_PROPERTY]);
    return parsed ? [{ line, ...parsed }] : [];
  });
  if (tagged.length === 0) return [];
  const known = await ctx.db
    .select({ id: offers.id, content: offers.content, products: offers.products })
    .from(offers)
    .where(
      and(eq(offers.shop, shop), inArray(offers.id, [...new Set(tagged.map((t) => t.offerId))])),
    );
  const byId = new Map(known.map((o) => [o.id, o]));
  return tagged.flatMap(({ line, offerId, arm }) => {
    const offer = byId.get(offerId);
    if (!offer) return [];
    const module = kindModule(offer.content.kind);
    const amount = module.creditLine(offer.content as never, line, productsById(offer.products));
    return [{ lineId: line.id, offerId, arm, amount }];
  });
}
