import { OFFER_LINE_ATTRIBUTE } from '../../core/offers/catalog.js';
import type { OfferProductSnapshot, OfferSpecColumn, OrderLine } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { readFirst } from '../db/sql-runner.js';
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

const OFFER_PROPERTY = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,32})$/;

export function parseOfferProperty(
  value: string | undefined,
): { offerId: string; arm: string } | null {
  const match = OFFER_PROPERTY.exec(value ?? '');
  return match ? { offerId: match[1] as string, arm: match[2] as string } : null;
}

// Raw SQL, prepared once (db/sql-runner.ts): building this select with drizzle showed in the
// webhook profile. One point read per offer an order names (almost always one); the columns are
// JSON text, as drizzle's `mode: 'json'` stores them.
const OFFER = 'select content, products from offers where shop = ? and id = ?';

/**
 * The lines of an order that one of this shop's offers added or changed, with the revenue the
 * offer's kind credits it for. A forged property or another shop's offer id credits nothing.
 */
export async function creditOfferLines(
  ctx: AppContext,
  shop: string,
  lines: OrderLine[],
): Promise<OfferLine[]> {
  const tagged: { line: OrderLine; offerId: string; arm: string }[] = [];
  for (const line of lines) {
    const value = line.properties[OFFER_LINE_PROPERTY];
    if (value === undefined) continue;
    const parsed = parseOfferProperty(value);
    if (parsed) tagged.push({ line, ...parsed });
  }
  if (tagged.length === 0) return [];
  const byId = new Map<string, CreditingOffer | null>();
  for (const { offerId } of tagged) {
    if (byId.has(offerId)) continue;
    const row = await readFirst(ctx.dbClient, { sql: OFFER, args: [shop, offerId] });
    byId.set(offerId, row ? crediting(row.content, row.products) : null);
  }
  return tagged.flatMap(({ line, offerId, arm }) => {
    const offer = byId.get(offerId);
    if (!offer) return [];
    const module = kindModule(offer.content.kind);
    const amount = module.creditLine(offer.content as never, line, offer.products);
    return [{ lineId: line.id, offerId, arm, amount }];
  });
}

interface CreditingOffer {
  content: OfferSpecColumn;
  products: ReturnType<typeof productsById>;
}

function crediting(content: unknown, products: unknown): CreditingOffer {
  return {
    content: JSON.parse(String(content)) as OfferSpecColumn,
    products: productsById(JSON.parse(String(products)) as OfferProductSnapshot[]),
  };
}
