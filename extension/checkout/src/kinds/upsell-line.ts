import type { CheckoutHost, HostCartLine } from '../../../../core/checkout-host';
import { OFFER_LINE_ATTRIBUTE, UPGRADED_FROM_ATTRIBUTE } from '../../../../core/offers/catalog';
import type { Money } from '../../../../core/offers/published-config';
import { offerAttribute } from '../add-offer-line';
import { toMinorUnits } from '../money';

type UpdateLine = Extract<
  Parameters<CheckoutHost['applyCartLinesChange']>[0],
  { type: 'updateCartLine' }
>;

/** The cart line an upsell would replace: the first holding one of its trigger variants. */
export function findTriggerLine(
  lines: HostCartLine[],
  triggers: readonly string[] | undefined,
): HostCartLine | null {
  if (!triggers?.length) return null;
  return lines.find((line) => triggers.includes(line.merchandise.id)) ?? null;
}

/**
 * What one item of the line costs now, in minor units of the checkout currency. Checkout gives
 * the line total after line discounts; the published config has no trigger prices.
 */
export function lineUnitPrice(line: HostCartLine): Money {
  const { amount, currencyCode } = line.cost.totalAmount;
  return {
    amount: Math.round(toMinorUnits(amount, currencyCode) / Math.max(1, line.quantity)),
    currencyCode,
  };
}

/**
 * How much more one upgraded item costs than the item it replaces, or null when the two prices
 * are in different currencies (the published price is in the shop currency; a converted
 * difference would be a guess).
 */
export function priceDifference(replacement: Money, line: HostCartLine): Money | null {
  const current = lineUnitPrice(line);
  if (current.currencyCode !== replacement.currencyCode) return null;
  return { amount: replacement.amount - current.amount, currencyCode: replacement.currencyCode };
}

/**
 * The change that upgrades the line in place: the replacement variant, the same quantity, the
 * attribution attribute and the variant it replaced (the server credits the difference). Other
 * attributes the line carries (an engraving, a gift note) are kept; an earlier Closer mark is
 * replaced, since `attributes` replaces the whole list.
 */
export function upgradeChange(
  line: HostCartLine,
  replacementId: string,
  offerId: string,
  arm: string,
): UpdateLine {
  const own = new Set([OFFER_LINE_ATTRIBUTE, UPGRADED_FROM_ATTRIBUTE]);
  return {
    type: 'updateCartLine',
    id: line.id,
    merchandiseId: replacementId,
    quantity: line.quantity,
    attributes: [
      offerAttribute(offerId, arm),
      { key: UPGRADED_FROM_ATTRIBUTE, value: line.merchandise.id },
      ...line.attributes.filter((a) => !own.has(a.key)),
    ],
  };
}

/** The `add` event's value: what the upgrade adds to the order, never negative. */
export function upgradeValue(difference: Money | null, quantity: number): number | undefined {
  return difference ? Math.max(0, difference.amount) * quantity : undefined;
}
