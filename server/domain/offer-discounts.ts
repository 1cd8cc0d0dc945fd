import { randomBytes } from 'node:crypto';
import type { OfferDiscount } from '../../core/offers/contract.js';
import type { AppContext } from '../app-context.js';
import { type CodeDiscountInput, createAdminGateway } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { DomainError } from './domain-error.js';
import { currencyDigits } from './money.js';
import { kindModule, type OfferSpec } from './offer-kinds/index.js';
import { getShop } from './shops.js';

/**
 * An offer's discount is a Shopify code discount limited to the offered variants (or, for a kind
 * that asks, on the whole order); the checkout extension applies its code after the shopper adds
 * (or upgrades to) the product, or taps the coupon. Chosen over an
 * automatic discount, which would also discount the holdout and every shopper who buys the
 * variant anyway (the experiment would measure the discount, not the offer), and over a Discount
 * Function, which needs a compiled Wasm module built and deployed per app version. The code is
 * random and unlisted; the offer's own lifecycle creates, updates and deletes it.
 */
export interface OfferDiscountState {
  discountId: string | null;
  discountCode: string | null;
}

interface OfferRef extends OfferDiscountState {
  id: string;
  name: string;
  content?: OfferSpec;
}

function discountOf(spec: OfferSpec | null): OfferDiscount | null {
  return spec && 'discount' in spec ? (spec.discount ?? null) : null;
}

/** What the kind's discount covers: some variants, or the whole order from a minimum up. */
function reachOf(spec: OfferSpec) {
  const module = kindModule(spec.kind);
  // The registry is keyed by kind, so spec and module always match; TypeScript cannot see it.
  const order = module.orderDiscount?.(spec as never);
  return order
    ? { variantIds: [], order }
    : { variantIds: module.discountedVariants(spec as never), order: null };
}

function newCode(): string {
  // 10 characters of an unambiguous alphabet: unguessable, easy to read aloud if a buyer asks.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `CLOSER-${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** Makes Shopify's discount match the offer spec (null spec: the offer is gone). */
export async function syncOfferDiscount(
  ctx: AppContext,
  shop: string,
  offer: OfferRef,
  spec: OfferSpec | null,
): Promise<OfferDiscountState> {
  const wanted = discountOf(spec);
  const reach = spec && wanted ? reachOf(spec) : null;
  const unchanged =
    offer.content !== undefined &&
    JSON.stringify([
      discountOf(offer.content),
      offer.content && wanted ? reachOf(offer.content) : null,
    ]) === JSON.stringify([wanted, reach]);
  if (!wanted && !offer.discountId) return { discountId: null, discountCode: null };
  if (wanted && offer.discountId && unchanged) {
    return { discountId: offer.discountId, discountCode: offer.discountCode };
  }

  const session = await loadOfflineSession(ctx, shop);
  if (!session)
    throw new DomainError(
      'conflict',
      'shop_not_connected',
      'Reopen the app from the Shopify admin.',
    );
  const gateway = createAdminGateway(ctx, session);
  if (!wanted) {
    if (offer.discountId) await gateway.deleteCodeDiscount(offer.discountId);
    return { discountId: null, discountCode: null };
  }
  const currency = (await getShop(ctx.db, shop))?.currency ?? 'USD';
  const decimal = (minor: number) =>
    (minor / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));
  const code = offer.discountCode ?? newCode();
  const input: CodeDiscountInput = {
    title: `Closer: ${offer.name}`.slice(0, 255),
    code,
    variantIds: reach?.variantIds ?? [],
    ...(wanted.type === 'percentage'
      ? { percentage: wanted.value / 100 }
      : { amountPerItem: decimal(wanted.value) }),
    ...(reach?.order && {
      order: {
        minimumSubtotal:
          reach.order.minimumSubtotal === null ? null : decimal(reach.order.minimumSubtotal),
        ...(reach.order.combinesWith && { combinesWith: reach.order.combinesWith }),
        ...(reach.order.usageLimit !== undefined && { usageLimit: reach.order.usageLimit }),
      },
    }),
  };
  if (offer.discountId) {
    await gateway.updateCodeDiscount(offer.discountId, input);
    return { discountId: offer.discountId, discountCode: code };
  }
  const id = await gateway.createCodeDiscount(input);
  return { discountId: id, discountCode: code };
}
