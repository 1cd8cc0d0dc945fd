// `root` is where the shop's paths start, ending in "/": "/" on a storefront (the embed writes
// it), a prefix in the demo storefront.

/** The App Proxy call made once intent fired (Shopify signs it on the way to /proxy/coupon). */
export function couponUrl(root: string, offerId: string, visitorId: string): string {
  return `${root}apps/closer/coupon?offer=${encodeURIComponent(offerId)}&vid=${encodeURIComponent(visitorId)}`;
}

/** Shopify's shareable discount link: applies the code to the cart, then opens checkout. */
export function discountUrl(root: string, code: string): string {
  return `${root}discount/${encodeURIComponent(code)}?redirect=/checkout`;
}
