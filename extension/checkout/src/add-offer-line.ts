import type { CheckoutHost } from '../../../core/checkout-host';
import { OFFER_LINE_ATTRIBUTE } from '../../../core/offers/catalog';

/** Why a line could not be added or changed; each maps to a message in locales/ (`errors.<kind>`). */
export type LineFailure = 'cannotAdd' | 'cannotUpdate' | 'soldOut' | 'generic';

type LineChange = Parameters<CheckoutHost['applyCartLinesChange']>[0];
type LineHost = Pick<CheckoutHost, 'applyCartLinesChange' | 'instructions'>;

/** The value of the attribution attribute (`offerId:arm`) the server credits lines by. */
export function offerAttribute(offerId: string, arm: string) {
  return { key: OFFER_LINE_ATTRIBUTE, value: `${offerId}:${arm}` };
}

/**
 * Applies one cart line change. Never throws: Shopify answers some refusals with
 * `{type: 'error'}` and others by rejecting, and both must end as a banner.
 */
export async function applyOfferLineChange(
  host: LineHost,
  change: LineChange,
): Promise<LineFailure | null> {
  // Draft-order and some express checkouts refuse line changes; asking first avoids a request
  // that cannot succeed and gives the buyer the real reason.
  const locked: LineFailure = change.type === 'addCartLine' ? 'cannotAdd' : 'cannotUpdate';
  const lines = host.instructions.value.lines;
  if (!(change.type === 'addCartLine' ? lines.canAddCartLine : lines.canUpdateCartLine)) {
    return locked;
  }
  try {
    const result = await host.applyCartLinesChange(change);
    return result.type === 'error' ? classifyLineError(result.message, locked) : null;
  } catch (error) {
    return classifyLineError(error instanceof Error ? error.message : '', locked);
  }
}

/** Adds one unit of the offered variant with the attribution attribute. */
export function addOfferLine(
  host: LineHost,
  line: { merchandiseId: string; offerId: string; arm: string },
): Promise<LineFailure | null> {
  return applyOfferLineChange(host, {
    type: 'addCartLine',
    merchandiseId: line.merchandiseId,
    quantity: 1,
    attributes: [offerAttribute(line.offerId, line.arm)],
  });
}

/**
 * Shopify's messages are for developers and not localized, so they are only used to pick which of
 * our own messages to show.
 */
export function classifyLineError(message: string, locked: LineFailure = 'cannotAdd'): LineFailure {
  if (/sold out|out of stock|inventory|not enough|unavailable|not available/i.test(message)) {
    return 'soldOut';
  }
  if (
    /express|wallet|not allowed|cannot be (changed|modified)|can't be (changed|modified)/i.test(
      message,
    )
  ) {
    return locked;
  }
  return 'generic';
}
