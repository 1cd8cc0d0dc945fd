import type { CheckoutHost } from '../../../core/checkout-host';

/** Why a line could not be added; each maps to a message in locales/ (`errors.<kind>`). */
export type AddFailure = 'cannotAdd' | 'soldOut' | 'generic';

/** The cart line attribute the server attributes revenue by (`offerId:arm`). */
export const OFFER_ATTRIBUTE = '_closer_offer';

/**
 * Adds the offered variant with the attribution attribute. Never throws: Shopify answers some
 * refusals with `{type: 'error'}` and others by rejecting, and both must end as a banner.
 */
export async function addOfferLine(
  host: Pick<CheckoutHost, 'applyCartLinesChange' | 'instructions'>,
  line: { merchandiseId: string; offerId: string; arm: string },
): Promise<AddFailure | null> {
  // Draft-order and some express checkouts refuse line changes; asking first avoids a request
  // that cannot succeed and gives the buyer the real reason.
  if (!host.instructions.value.lines.canAddCartLine) return 'cannotAdd';
  try {
    const result = await host.applyCartLinesChange({
      type: 'addCartLine',
      merchandiseId: line.merchandiseId,
      quantity: 1,
      attributes: [{ key: OFFER_ATTRIBUTE, value: `${line.offerId}:${line.arm}` }],
    });
    return result.type === 'error' ? classifyAddError(result.message) : null;
  } catch (error) {
    return classifyAddError(error instanceof Error ? error.message : '');
  }
}

/**
 * Shopify's messages are for developers and not localized, so they are only used to pick which of
 * our own messages to show.
 */
export function classifyAddError(message: string): AddFailure {
  if (/sold out|out of stock|inventory|not enough|unavailable|not available/i.test(message)) {
    return 'soldOut';
  }
  if (
    /express|wallet|not allowed|cannot be (changed|modified)|can't be (changed|modified)/i.test(
      message,
    )
  ) {
    return 'cannotAdd';
  }
  return 'generic';
}
