/** `dest` is `https://shop.myshopify.com` in admin id tokens and a bare domain in checkout ones. */
export function shopFromDest(dest: unknown): string | null {
  if (typeof dest !== 'string' || dest.length === 0 || dest.length > 255) return null;
  let host = dest;
  if (dest.includes('://')) {
    try {
      host = new URL(dest).hostname;
    } catch {
      return null;
    }
  }
  return isShopDomain(host) ? host.toLowerCase() : null;
}

export function isShopDomain(value: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/.test(value);
}
