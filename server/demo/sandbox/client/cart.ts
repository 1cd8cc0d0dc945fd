import type {
  CartLineChange,
  CartLineChangeResult,
  SandboxCartLine,
  SandboxData,
  SandboxVariant,
} from './sandbox-types';
import { createStore, deriveStore } from './store';

/** How long a cart change "takes", so the extension's loading state is visible as in checkout. */
const CHANGE_LATENCY_MS = 350;

const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** The demo cart behind `shopify.lines` and `shopify.cost`, with Shopify's money shape (major units). */
export function createCart(data: SandboxData, options: { canAddCartLine: boolean }) {
  const catalog = new Map(data.catalog.map((v) => [v.id, v]));
  const toMajor = (minor: number) => minor / 10 ** digitsOf(data.currency);
  let nextLineId = 1;

  function toLine(
    variant: SandboxVariant,
    quantity: number,
    attributes: SandboxCartLine['attributes'],
  ): SandboxCartLine {
    return {
      id: `gid://shopify/CartLine/${nextLineId++}`,
      merchandise: {
        type: 'variant',
        id: variant.id,
        title: variant.title,
        ...(variant.variantTitle ? { subtitle: variant.variantTitle } : {}),
        image: { url: variant.imageUrl, altText: variant.title },
        product: {
          id: variant.productId,
          vendor: variant.vendor,
          productType: variant.productType,
        },
        selectedOptions: variant.variantTitle
          ? [{ name: 'Option', value: variant.variantTitle }]
          : [],
        requiresShipping: true,
      },
      quantity,
      cost: {
        totalAmount: { amount: toMajor(variant.price * quantity), currencyCode: data.currency },
      },
      attributes,
    };
  }

  const initial = data.initialCart.flatMap(({ variantId, quantity }) => {
    const variant = catalog.get(variantId);
    return variant ? [toLine(variant, quantity, [])] : [];
  });
  const lines = createStore<SandboxCartLine[]>(initial);
  const subtotal = deriveStore(lines, (all) => ({
    amount: all.reduce((sum, line) => sum + line.cost.totalAmount.amount, 0),
    currencyCode: data.currency,
  }));

  function add(change: Extract<CartLineChange, { type: 'addCartLine' }>): CartLineChangeResult {
    const variant = catalog.get(change.merchandiseId);
    if (!variant) return { type: 'error', message: 'The merchandise does not exist.' };
    if (!variant.available) return { type: 'error', message: 'The variant is sold out.' };
    const attributes = change.attributes ?? [];
    const same = lines.value.find(
      (l) =>
        l.merchandise.id === variant.id &&
        JSON.stringify(l.attributes) === JSON.stringify(attributes),
    );
    lines.set(
      same
        ? lines.value.map((l) =>
            l === same
              ? { ...toLine(variant, l.quantity + change.quantity, attributes), id: l.id }
              : l,
          )
        : [...lines.value, toLine(variant, change.quantity, attributes)],
    );
    return { type: 'success' };
  }

  async function applyCartLinesChange(change: CartLineChange): Promise<CartLineChangeResult> {
    await new Promise((resolve) => setTimeout(resolve, CHANGE_LATENCY_MS));
    if (!options.canAddCartLine)
      return { type: 'error', message: 'Cart lines cannot be changed in this checkout.' };
    if (change.type === 'addCartLine') return add(change);
    if (change.type === 'removeCartLine') {
      lines.set(lines.value.filter((l) => l.id !== change.id));
      return { type: 'success' };
    }
    return { type: 'error', message: `The sandbox does not emulate ${change.type}.` };
  }

  return { lines, subtotal, applyCartLinesChange };
}
