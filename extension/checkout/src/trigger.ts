import type { CheckoutHost, HostClock } from '../../../core/checkout-host';
import type { PublishedDiscount, PublishedTrigger } from '../../../core/offers/published-config';
import { toMinorUnits } from './money';

/** Checkout's own clock: the extension's default when the host brings none (see HostClock). */
export const systemClock: HostClock = {
  now: () => Date.now(),
  after(ms, run) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/** Where the moment this checkout first rendered the offer is kept, per offer and checkout. */
export function triggerStartKey(offerId: string, unit: string): string {
  return `closer:start:${offerId}:${unit}`;
}

/**
 * When to count from: the start kept in storage when there is a usable one (this checkout was
 * reloaded), else now. A start in the future (another clock) or of the wrong type is ignored.
 */
export function triggerStart(stored: unknown, now: number): number {
  return typeof stored === 'number' && Number.isFinite(stored) && stored <= now ? stored : now;
}

/** Milliseconds left until the trigger is due; 0 once it is. */
export function triggerDelay(trigger: PublishedTrigger, startedAt: number, now: number): number {
  return Math.max(0, startedAt + trigger.afterSeconds * 1000 - now);
}

const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Whether the checkout holds this code (codes are case-insensitive in Shopify). */
export function hasCode(codes: readonly { code: string }[], code: string): boolean {
  return codes.some((c) => sameCode(c.code, code));
}

/**
 * Why a due trigger must not fire now, or null when it may. Checked for both arms alike, so the
 * holdout is exposed exactly when the treatment would have been shown something: not while the
 * buyer has another code applied (when the merchant said so — the offer's own code does not
 * count), and not below the discount's minimum subtotal (its code would not apply). The minimum
 * is in the shop's currency; a checkout in another one is left to Shopify, which converts it.
 */
export function triggerBlocked(
  trigger: PublishedTrigger,
  discount: PublishedDiscount | null | undefined,
  host: Pick<CheckoutHost, 'discountCodes' | 'cost'>,
  shopCurrency: string,
): 'code_applied' | 'below_minimum' | null {
  const codes = host.discountCodes.value;
  const own = discount?.code;
  if (trigger.unlessCodeApplied && codes.some((c) => !own || !sameCode(c.code, own))) {
    return 'code_applied';
  }
  const minimum = discount?.minimumSubtotal;
  if (minimum) {
    const subtotal = host.cost.subtotalAmount.value;
    const same = subtotal.currencyCode === shopCurrency;
    if (same && toMinorUnits(subtotal.amount, shopCurrency) < minimum) return 'below_minimum';
  }
  return null;
}
