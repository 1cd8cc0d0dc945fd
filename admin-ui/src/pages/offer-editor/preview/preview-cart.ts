import type { CheckoutHost, HostCartLine, HostMoney } from '../../../../../core/checkout-host.js';
import type { PublishedOffer } from '../../../../../core/offers/published-config.js';
import { currencyDigits } from '../../../lib/money.js';

type LineChange = Parameters<CheckoutHost['applyCartLinesChange']>[0];

/** A variant the preview can put in its cart: price in minor units of the shop currency. */
export interface PreviewVariant {
  variantId: string;
  productId: string;
  price: number;
}

/**
 * The cart the previewed offer is drawn against. An offer that waits for a product in the cart (an
 * upgrade's trigger) gets its first trigger, so the merchant sees the offer as a shopper with
 * that product does; any other offer an empty cart, so every product it sells can be offered.
 */
export function previewCartLines(
  offer: PublishedOffer,
  variants: ReadonlyMap<string, PreviewVariant>,
  currency: string,
): HostCartLine[] {
  const trigger = offer.requiresInCart
    ?.map((id) => variants.get(id))
    .find((variant) => variant !== undefined);
  return trigger ? [cartLine(1, trigger, 1, currency, [])] : [];
}

/**
 * A line change as checkout applies it, over the preview's own cart: a shopper's add or upgrade
 * changes what the preview shows next (an added product leaves the list, an upgraded line no
 * longer holds the trigger) and nothing leaves the page.
 */
export function applyPreviewLineChange(
  lines: readonly HostCartLine[],
  change: LineChange,
  variants: ReadonlyMap<string, PreviewVariant>,
  currency: string,
): HostCartLine[] {
  switch (change.type) {
    case 'addCartLine': {
      const variant = variants.get(change.merchandiseId);
      if (!variant) return [...lines];
      return [
        ...lines,
        cartLine(
          nextLineNumber(lines),
          variant,
          change.quantity,
          currency,
          change.attributes ?? [],
        ),
      ];
    }
    case 'updateCartLine':
      return lines.map((line) => {
        if (line.id !== change.id) return line;
        const variant = variants.get(change.merchandiseId ?? line.merchandise.id);
        if (!variant) return line;
        // The line keeps its id, as in the sandbox; checkout may not, and the extension never
        // relies on it (it reads the line again before changing it).
        return {
          ...cartLine(0, variant, change.quantity ?? line.quantity, currency, line.attributes),
          id: line.id,
          attributes: change.attributes ?? line.attributes,
        };
      });
    case 'removeCartLine':
      return lines.filter((line) => line.id !== change.id);
  }
}

/** The cart's subtotal as checkout gives it: decimal major units. */
export function previewSubtotal(lines: readonly HostCartLine[], currency: string): HostMoney {
  return {
    amount: lines.reduce((sum, line) => sum + line.cost.totalAmount.amount, 0),
    currencyCode: currency,
  };
}

function nextLineNumber(lines: readonly HostCartLine[]): number {
  const numbers = lines.map((line) => Number(line.id.split('preview-')[1]) || 0);
  return Math.max(0, ...numbers) + 1;
}

function cartLine(
  n: number,
  variant: PreviewVariant,
  quantity: number,
  currency: string,
  attributes: { key: string; value: string }[],
): HostCartLine {
  return {
    id: `gid://shopify/CartLine/preview-${n}`,
    merchandise: { id: variant.variantId, product: { id: variant.productId } },
    quantity,
    cost: {
      totalAmount: {
        amount: (variant.price * quantity) / 10 ** currencyDigits(currency),
        currencyCode: currency,
      },
    },
    attributes,
  };
}
