import type { DiscountType } from '../../../core/offers/catalog';
import type { ThankYouHost } from './thank-you-host';

/** The server's answer for a treatment customer (server/routes/checkout/coupons.ts). */
export interface NextOrderCode {
  code: string;
  /** Epoch ms. */
  expiresAt: number;
  discount: { type: DiscountType; value: number };
}

type Fetch = (
  url: string,
  init: RequestInit,
) => Promise<{ status: number; json(): Promise<unknown> }>;

/**
 * The customer the Thank you page is for: their numeric id, from the buyer identity Shopify gives
 * the block (`gid://shopify/Customer/<id>`; needs protected customer data access). Null when it
 * is not available: then the block shows nothing and logs nothing.
 */
export function thankYouCustomer(host: Pick<ThankYouHost, 'buyerIdentity'>): string | null {
  const gid = host.buyerIdentity?.customer.value?.id ?? '';
  return /^gid:\/\/shopify\/Customer\/(\d{1,20})$/.exec(gid)?.[1] ?? null;
}

/**
 * Asks the app for the customer's next-order code. Both arms ask (the request is the exposure);
 * only a treatment customer gets a code back. Any failure — holdout 404, network, a malformed
 * answer — is null: the Thank you page must never show an error for an offer.
 */
export async function requestNextOrderCode(
  fetchImpl: Fetch,
  endpoint: string,
  token: string,
  offerId: string,
  customerId: string,
): Promise<NextOrderCode | null> {
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ offerId, customerId: `gid://shopify/Customer/${customerId}` }),
    });
    if (response.status !== 200) return null;
    return parseNextOrderCode(await response.json());
  } catch {
    return null;
  }
}

export function parseNextOrderCode(value: unknown): NextOrderCode | null {
  const v = value as Partial<NextOrderCode> | null;
  const d = v?.discount;
  const ok =
    typeof v?.code === 'string' &&
    v.code.length > 0 &&
    typeof v.expiresAt === 'number' &&
    (d?.type === 'percentage' || d?.type === 'fixed') &&
    typeof d.value === 'number';
  return ok ? (v as NextOrderCode) : null;
}

/** "Dec 30, 2026" in the buyer's language (falls back to English for an unknown tag). */
export function formatExpiry(expiresAt: number, language: string): string {
  const date = new Date(expiresAt);
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(date);
  }
}
