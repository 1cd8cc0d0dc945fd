/** The app embed block's handle: the file name of extension/storefront/blocks/closer-embed.liquid. */
export const EMBED_BLOCK_HANDLE = 'closer-embed';

/**
 * A link that opens the shop's live theme in the theme editor, on the App embeds panel, with
 * Closer's embed ready to switch on (the merchant still saves). Format from shopify.dev, "Configure
 * theme app extensions" → deep linking to app embed blocks
 * (https://shopify.dev/docs/apps/build/online-store/theme-app-extensions/configuration):
 * `https://<myshopifyDomain>/admin/themes/current/editor?context=apps&activateAppId=<api_key>/<handle>`,
 * where the handle is the embed block's file name. Deep links work for app embeds only.
 */
export function themeEditorLink(shop: string, apiKey: string): string {
  const params = new URLSearchParams({
    context: 'apps',
    activateAppId: `${apiKey}/${EMBED_BLOCK_HANDLE}`,
  });
  return `https://${shop}/admin/themes/current/editor?${params.toString().replace('%2F', '/')}`;
}
