import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fromMinorUnits } from '../../domain/money.js';
import { ApiError } from '../../http/errors.js';
import { DEMO_CATALOG, type DemoProduct, type DemoVariant } from '../catalog.js';

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
  })
  .strict();

export type SandboxOrderInput = z.infer<typeof sandboxOrderSchema>;

const numericId = (gid: string) => Number(gid.slice(gid.lastIndexOf('/') + 1));

function findVariant(id: string): { product: DemoProduct; variant: DemoVariant } {
  for (const product of DEMO_CATALOG) {
    const variant = product.variants.find((v) => v.id === id);
    if (variant) return { product, variant };
  }
  throw new ApiError(400, 'unknown_variant', `${id} is not in the demo catalog.`);
}

/**
 * A Shopify REST `orders/create` payload for the sandbox cart. Prices come from the catalog, never
 * from the page; line attributes become line `properties` (that is how `_closer_offer` reaches the
 * order in Shopify too), and the checkout token is the experiment unit.
 */
export function buildSandboxOrder(
  input: SandboxOrderInput,
  shop: { currency: string },
  ids: { orderId: number; createdAt: Date },
) {
  const { currency } = shop;
  const amount = (minor: number) => fromMinorUnits(minor, currency).toFixed(2);
  const set = (minor: number) => ({
    shop_money: { amount: amount(minor), currency_code: currency },
    presentment_money: { amount: amount(minor), currency_code: currency },
  });
  let subtotal = 0;
  const lineItems = input.lines.map((line, i) => {
    const { product, variant } = findVariant(line.variantId);
    subtotal += variant.price * line.quantity;
    const variantTitle = variant.title === 'Default Title' ? null : variant.title;
    return {
      id: ids.orderId * 100 + i + 1,
      admin_graphql_api_id: `gid://shopify/LineItem/${ids.orderId * 100 + i + 1}`,
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
      total_discount: '0.00',
      total_discount_set: set(0),
      discount_allocations: [],
      requires_shipping: true,
      taxable: true,
      properties: line.attributes.map((a) => ({ name: a.key, value: a.value })),
    };
  });
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
    customer: null,
    created_at: ids.createdAt.toISOString(),
    subtotal_price: amount(subtotal),
    subtotal_price_set: set(subtotal),
    total_line_items_price: amount(subtotal),
    total_line_items_price_set: set(subtotal),
    total_price: amount(subtotal),
    total_price_set: set(subtotal),
    total_discounts: '0.00',
    total_discounts_set: set(0),
    total_tax: '0.00',
    total_tax_set: set(0),
    note_attributes: [],
    shipping_lines: [],
    line_items: lineItems,
  };
}
