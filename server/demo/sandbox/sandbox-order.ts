import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PublishedConfig } from '../../../core/offers/published-config.js';
import { fromMinorUnits } from '../../domain/money.js';
import { ApiError } from '../../http/errors.js';
import { DEMO_CATALOG, type DemoProduct, type DemoVariant } from '../catalog.js';
import { cartAllocations, findDiscount, type SandboxDiscount } from './client/discounts.js';

/** What the sandbox's "Pay now" sends: the cart as the checkout holds it. */
export const sandboxOrderSchema = z
  .object({
    checkoutToken: z.string().min(1).max(128),
    email: z.email().max(254).optional(),
    lines: z
      .array(
        z.object({
          variantId: z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/),
          quantity: z.number().int().min(1).max(99),
          attributes: z
            .array(z.object({ key: z.string().min(1).max(100), value: z.string().max(255) }))
            .max(20)
            .default([]),
        }),
      )
      .min(1, 'the cart is empty')
      .max(50),
    /** Codes the sandbox checkout accepted; the amounts are recomputed here, never taken. */
    discountCodes: z.array(z.string().trim().min(1).max(255)).max(5).default([]),
    /** The buyer's numeric customer id: the order's `customer.id`. */
    customerId: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
  })
  .strict();

export type SandboxOrderInput = z.infer<typeof sandboxOrderSchema>;

/**
 * A line item id unique within its order. The order id (ms clock × 100) is already about 1.8e14,
 * so `orderId * 100` would pass 2^53 and round: lines of one order would share an id and all but
 * one of them be dropped where the id is a key (attributed lines).
 */
const lineId = (orderId: number, index: number) => (orderId % 1_000_000_000_000) * 100 + index + 1;

const numericId = (gid: string) => Number(gid.slice(gid.lastIndexOf('/') + 1));

function findVariant(id: string): { product: DemoProduct; variant: DemoVariant } {
  for (const product of DEMO_CATALOG) {
    const variant = product.variants.find((v) => v.id === id);
    if (variant) return { product, variant };
  }
  throw new ApiError(400, 'unknown_variant', `${id} is not in the demo catalog.`);
}

/** The published offer discounts behind the codes, in the order they were applied. */
function resolveCodes(
  codes: string[],
  config: PublishedConfig | null,
  pooled: readonly SandboxDiscount[],
): SandboxDiscount[] {
  const seen = new Set<string>();
  return codes.flatMap((code) => {
    const discount = findDiscount(config, code, pooled);
    if (!discount) {
      throw new ApiError(
        400,
        'unknown_discount_code',
        `${code} is not a published offer's code or one of the shop's.`,
      );
    }
    if (seen.has(discount.code)) return [];
    seen.add(discount.code);
    return [discount];
  });
}

/**
 * A Shopify REST `orders/create` payload for the sandbox cart. Prices come from the catalog and
 * discounts from the published config, never from the page; line attributes become line
 * `properties` (that is how `_closer_offer` and `_closer_from` reach the order in Shopify too),
 * and the checkout token is the experiment unit. A code discount appears as Shopify writes it:
 * a `discount_applications` entry, `discount_allocations` on the lines it reduced,
 * `discount_codes`, `total_discounts`, and a subtotal after discounts.
 */
export function buildSandboxOrder(
  input: SandboxOrderInput,
  shop: { currency: string },
  ids: { orderId: number; createdAt: Date },
  config: PublishedConfig | null = null,
  /** Codes from an offer's pool that the checkout accepts (pooled-codes.ts). */
  pooled: readonly SandboxDiscount[] = [],
) {
  const { currency } = shop;
  const amount = (minor: number) => fromMinorUnits(minor, currency).toFixed(2);
  const set = (minor: number) => ({
    shop_money: { amount: amount(minor), currency_code: currency },
    presentment_money: { amount: amount(minor), currency_code: currency },
  });
  const discounts = resolveCodes(input.discountCodes, config, pooled);
  const codeTotals = new Map(discounts.map((d) => [d.code, 0]));
  let lineItemsTotal = 0;
  let discountTotal = 0;
  const found = input.lines.map((line) => findVariant(line.variantId));
  const perLine = cartAllocations(
    discounts,
    input.lines.map((line, i) => ({
      variantId: line.variantId,
      unitPrice: found[i]?.variant.price ?? 0,
      quantity: line.quantity,
    })),
  );
  const lineItems = input.lines.map((line, i) => {
    const { product, variant } = found[i] as (typeof found)[number];
    lineItemsTotal += variant.price * line.quantity;
    const allocations = perLine[i] ?? [];
    const lineDiscount = allocations.reduce((sum, a) => sum + a.amount, 0);
    discountTotal += lineDiscount;
    for (const a of allocations) codeTotals.set(a.code, (codeTotals.get(a.code) ?? 0) + a.amount);
    const variantTitle = variant.title === 'Default Title' ? null : variant.title;
    return {
      id: lineId(ids.orderId, i),
      admin_graphql_api_id: `gid://shopify/LineItem/${lineId(ids.orderId, i)}`,
      product_id: numericId(product.id),
      variant_id: numericId(variant.id),
      title: product.title,
      variant_title: variantTitle,
      name: variantTitle ? `${product.title} - ${variantTitle}` : product.title,
      vendor: product.vendor,
      sku: `DEMO-${numericId(variant.id)}`,
      quantity: line.quantity,
      price: amount(variant.price),
      price_set: set(variant.price),
      total_discount: amount(lineDiscount),
      total_discount_set: set(lineDiscount),
      discount_allocations: allocations.map((a) => ({
        amount: amount(a.amount),
        amount_set: set(a.amount),
        discount_application_index: discounts.findIndex((d) => d.code === a.code),
      })),
      requires_shipping: true,
      taxable: true,
      properties: line.attributes.map((a) => ({ name: a.key, value: a.value })),
    };
  });
  const subtotal = lineItemsTotal - discountTotal;
  return {
    id: ids.orderId,
    admin_graphql_api_id: `gid://shopify/Order/${ids.orderId}`,
    name: `#S${ids.orderId % 100_000}`,
    order_number: ids.orderId % 100_000,
    email: input.email ?? null,
    token: randomBytes(16).toString('hex'),
    checkout_token: input.checkoutToken,
    cart_token: null,
    currency,
    presentment_currency: currency,
    financial_status: 'paid',
    source_name: 'web',
    customer: input.customerId ? { id: Number(input.customerId) } : null,
    created_at: ids.createdAt.toISOString(),
    subtotal_price: amount(subtotal),
    subtotal_price_set: set(subtotal),
    total_line_items_price: amount(lineItemsTotal),
    total_line_items_price_set: set(lineItemsTotal),
    total_price: amount(subtotal),
    total_price_set: set(subtotal),
    total_discounts: amount(discountTotal),
    total_discounts_set: set(discountTotal),
    total_tax: '0.00',
    total_tax_set: set(0),
    discount_applications: discounts.map((d) => ({
      type: 'discount_code',
      code: d.code,
      title: d.code,
      description: null,
      // Percentage: of each entitled line; fixed: that many minor units off each item, or, for an
      // order code, once across the whole order.
      value: d.type === 'percentage' ? d.value.toFixed(1) : amount(d.value),
      value_type: d.type === 'percentage' ? 'percentage' : 'fixed_amount',
      allocation_method: d.type === 'percentage' || d.appliesTo === 'order' ? 'across' : 'each',
      target_selection: d.appliesTo === 'order' ? 'all' : 'entitled',
      target_type: 'line_item',
    })),
    discount_codes: discounts.map((d) => ({
      code: d.code,
      amount: amount(codeTotals.get(d.code) ?? 0),
      type: d.type === 'percentage' ? 'percentage' : 'fixed_amount',
    })),
    note_attributes: [],
    shipping_lines: [],
    line_items: lineItems,
  };
}
