import { parseConfig } from './decisions';
import { cartAllocations, findDiscount, type SandboxDiscount } from './discounts';
import type {
  CartLineChange,
  CartLineChangeResult,
  DiscountCodeChange,
  DiscountCodeChangeResult,
  SandboxCartLine,
  SandboxData,
  SandboxVariant,
} from './sandbox-types';
import { createStore, deriveStore } from './store';

/** How long a cart change "takes", so the extension's loading state is visible as in checkout. */
const CHANGE_LATENCY_MS = 200;

const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** A line as the cart keeps it; prices and discounts are derived from the catalog. */
interface RawLine {
  id: string;
  variantId: string;
  quantity: number;
  attributes: { key: string; value: string }[];
}

export interface CartOptions {
  /** False: checkout refuses line changes (express checkout, draft orders). */
  canChangeLines: boolean;
  /** True: every discount code is refused, as Shopify refuses an expired or deleted code. */
  refuseCodes: boolean;
  /** Codes the buyer arrives with (`?code=`), applied before any extension runs. */
  initialCodes?: string[];
}

/**
 * The demo cart behind `shopify.lines`, `shopify.cost` and the discount codes, with Shopify's
 * money shape (decimal major units). A code is one a published offer carries (or the shop's own,
 * discounts.ts); it discounts the lines of that offer's variants, or the whole order, and a line's
 * `cost.totalAmount` is after its discounts.
 */
export function createCart(data: SandboxData, options: CartOptions) {
  const catalog = new Map(data.catalog.map((v) => [v.id, v]));
  const config = parseConfig(data.config);
  const toMajor = (minor: number) => minor / 10 ** digitsOf(data.currency);
  let nextLineId = 1;
  const newLine = (variantId: string, quantity: number, attributes: RawLine['attributes']) => ({
    id: `gid://shopify/CartLine/${nextLineId++}`,
    variantId,
    quantity,
    attributes,
  });

  const raw = createStore<RawLine[]>(
    data.initialCart
      .filter(({ variantId }) => catalog.has(variantId))
      .map(({ variantId, quantity }) => newLine(variantId, quantity, [])),
  );
  const codes = createStore<SandboxDiscount[]>(
    (options.initialCodes ?? []).flatMap(
      (code) => findDiscount(config, code, data.pooledCodes) ?? [],
    ),
  );
  const rebuild = () => {
    const known = raw.value.filter((line) => catalog.has(line.variantId));
    const allocations = cartAllocations(
      codes.value,
      known.map((line) => ({
        variantId: line.variantId,
        unitPrice: catalog.get(line.variantId)?.price ?? 0,
        quantity: line.quantity,
      })),
    );
    lines.set(known.flatMap((line, i) => toCartLine(line, allocations[i] ?? [])));
  };

  function toCartLine(
    line: RawLine,
    allocations: { code: string; amount: number }[],
  ): SandboxCartLine[] {
    const variant = catalog.get(line.variantId);
    if (!variant) return [];
    const off = allocations.reduce((sum, a) => sum + a.amount, 0);
    return [
      {
        id: line.id,
        merchandise: merchandiseOf(variant),
        quantity: line.quantity,
        cost: {
          totalAmount: {
            amount: toMajor(variant.price * line.quantity - off),
            currencyCode: data.currency,
          },
        },
        attributes: line.attributes,
        discountAllocations: allocations.map((a) => ({
          type: 'code' as const,
          code: a.code,
          discountedAmount: { amount: toMajor(a.amount), currencyCode: data.currency },
        })),
        undiscountedAmount: toMajor(variant.price * line.quantity),
      },
    ];
  }

  const lines = createStore<SandboxCartLine[]>([]);
  rebuild();
  raw.subscribe(rebuild);
  codes.subscribe(rebuild);
  const subtotal = deriveStore(lines, (all) => ({
    amount: all.reduce((sum, line) => sum + line.cost.totalAmount.amount, 0),
    currencyCode: data.currency,
  }));
  const discountCodes = deriveStore(codes, (all) => all.map((d) => d.code));
  // After the codes already applied, as the order code's minimum is checked (cartAllocations).
  const subtotalMinor = () => Math.round(subtotal.value.amount * 10 ** digitsOf(data.currency));

  function add(change: Extract<CartLineChange, { type: 'addCartLine' }>): CartLineChangeResult {
    const variant = catalog.get(change.merchandiseId);
    if (!variant) return { type: 'error', message: 'The merchandise does not exist.' };
    if (!variant.available) return { type: 'error', message: 'The variant is sold out.' };
    const attributes = change.attributes ?? [];
    const same = raw.value.find(
      (l) =>
        l.variantId === variant.id && JSON.stringify(l.attributes) === JSON.stringify(attributes),
    );
    raw.set(
      same
        ? raw.value.map((l) => (l === same ? { ...l, quantity: l.quantity + change.quantity } : l))
        : [...raw.value, newLine(variant.id, change.quantity, attributes)],
    );
    return { type: 'success' };
  }

  /** Shopify's updateCartLine: swap the variant, set the quantity, replace the attributes. */
  function update(
    change: Extract<CartLineChange, { type: 'updateCartLine' }>,
  ): CartLineChangeResult {
    const line = raw.value.find((l) => l.id === change.id);
    if (!line) return { type: 'error', message: 'The cart line does not exist.' };
    const variantId = change.merchandiseId ?? line.variantId;
    const variant = catalog.get(variantId);
    if (!variant) return { type: 'error', message: 'The merchandise does not exist.' };
    if (!variant.available) return { type: 'error', message: 'The variant is sold out.' };
    const quantity = change.quantity ?? line.quantity;
    raw.set(
      quantity <= 0
        ? raw.value.filter((l) => l !== line)
        : raw.value.map((l) =>
            l === line
              ? { ...l, variantId, quantity, attributes: change.attributes ?? l.attributes }
              : l,
          ),
    );
    return { type: 'success' };
  }

  function remove(
    change: Extract<CartLineChange, { type: 'removeCartLine' }>,
  ): CartLineChangeResult {
    const line = raw.value.find((l) => l.id === change.id);
    if (!line) return { type: 'error', message: 'The cart line does not exist.' };
    const quantity = line.quantity - change.quantity;
    raw.set(
      quantity <= 0
        ? raw.value.filter((l) => l !== line)
        : raw.value.map((l) => (l === line ? { ...l, quantity } : l)),
    );
    return { type: 'success' };
  }

  async function applyCartLinesChange(change: CartLineChange): Promise<CartLineChangeResult> {
    await new Promise((resolve) => setTimeout(resolve, CHANGE_LATENCY_MS));
    if (!options.canChangeLines)
      return { type: 'error', message: 'Cart lines cannot be changed in this checkout.' };
    if (change.type === 'addCartLine') return add(change);
    if (change.type === 'updateCartLine') return update(change);
    return remove(change);
  }

  async function applyDiscountCodeChange(
    change: DiscountCodeChange,
  ): Promise<DiscountCodeChangeResult> {
    await new Promise((resolve) => setTimeout(resolve, CHANGE_LATENCY_MS));
    const wanted = change.code.trim().toUpperCase();
    const others = codes.value.filter((d) => d.code.toUpperCase() !== wanted);
    if (change.type === 'removeDiscountCode') {
      codes.set(others);
      return { type: 'success' };
    }
    const discount = options.refuseCodes
      ? null
      : findDiscount(config, change.code, data.pooledCodes);
    if (!discount) return { type: 'error', message: 'The discount code is not valid.' };
    // As Closer creates them, order codes do not combine with another order code.
    if (discount.appliesTo === 'order' && others.some((d) => d.appliesTo === 'order'))
      return { type: 'error', message: 'The discount code cannot be combined with another code.' };
    if (discount.minimumSubtotal && subtotalMinor() < discount.minimumSubtotal)
      return { type: 'error', message: 'The order does not reach the code’s minimum.' };
    codes.set([...others, discount]);
    return { type: 'success' };
  }

  /** The debug panel's "add to cart": a plain line, as if the shopper had it before checkout. */
  function addVariant(variantId: string, quantity = 1) {
    if (catalog.has(variantId)) raw.set([...raw.value, newLine(variantId, quantity, [])]);
  }

  return {
    lines,
    subtotal,
    discountCodes,
    applyCartLinesChange,
    applyDiscountCodeChange,
    addVariant,
  };
}

function merchandiseOf(variant: SandboxVariant): SandboxCartLine['merchandise'] {
  return {
    type: 'variant',
    id: variant.id,
    title: variant.title,
    ...(variant.variantTitle ? { subtitle: variant.variantTitle } : {}),
    image: { url: variant.imageUrl, altText: variant.title },
    product: { id: variant.productId, vendor: variant.vendor, productType: variant.productType },
    selectedOptions: variant.variantTitle ? [{ name: 'Option', value: variant.variantTitle }] : [],
    requiresShipping: true,
  };
}
