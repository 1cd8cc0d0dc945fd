/** Money in the page: Shopify's decimal major units, in the buyer's language. */
export function formatMoney(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}
