import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { DashboardSetup, SetupStep } from './dashboard-types.js';

/** "Confirm it is live": an offer seen by a shopper this recently. */
export const LIVE_WINDOW_MS = 7 * 86_400_000;

/**
 * The setup checklist, each step decided from what the server has seen, never from what the
 * merchant ticked:
 * - an offer exists (any status);
 * - the checkout block is placed: the extension has reported from a real checkout at least once
 *   (it logs an exposure in every arm, holdout included, wherever the merchant placed it);
 * - it is live: a shopper saw an offer (an impression) in the last 7 days;
 * - the web pixel is connected: it has delivered at least one event.
 */
export async function loadSetup(
  ctx: AppContext,
  shop: string,
  plan: string | null,
  now: number,
): Promise<DashboardSetup> {
  const [row] = await ctx.db.all<{
    firstOfferAt: number | null;
    exposedAt: number | null;
    seenAt: number | null;
    pixelAt: number | null;
  }>(sql`
    select
      (select min(created_at) from offers where shop = ${shop}) as firstOfferAt,
      (select first_exposed_at from exposures where shop = ${shop} limit 1) as exposedAt,
      (select max(occurred_at) from events
        where shop = ${shop} and type = 'impression' and occurred_at >= ${now - LIVE_WINDOW_MS}) as seenAt,
      (select received_at from pixel_events where shop = ${shop} limit 1) as pixelAt`);
  const at = (value: number | null | undefined) => (value == null ? null : Number(value));
  const steps: SetupStep[] = [
    { key: 'offer_created', done: at(row?.firstOfferAt) !== null, lastSeenAt: null },
    { key: 'block_placed', done: at(row?.exposedAt) !== null, lastSeenAt: null },
    { key: 'block_live', done: at(row?.seenAt) !== null, lastSeenAt: at(row?.seenAt) },
    { key: 'pixel_connected', done: at(row?.pixelAt) !== null, lastSeenAt: null },
  ];
  return { steps, checkoutEditorUrl: checkoutEditorUrl(shop), plan };
}

/**
 * The shop's checkout and accounts editor, opened on its Apps tab where the merchant adds the
 * Closer block. Shopify documents deep links into this editor ("Deep links send merchants
 * directly to the Apps tab in the checkout and accounts editor") in
 * https://shopify.dev/docs/apps/build/customer-accounts/editor-extension-collections/editor-extension-collections-ux-guidelines#deep-linking-to-a-collection
 * (read 2026-07; its links also name a checkout profile id and a collection, which Closer has
 * neither of). `page` picks the editor page (checkout, thank-you, order-status) and
 * `context=apps` the Apps tab; the excerpt we could read did not spell these two parameters out,
 * so they follow the form apps in the wild use. The link leaves the app's frame: the admin UI
 * opens it with `target="_top"` as the App Home Navigation API asks for admin pages
 * (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/navigation-api).
 */
export function checkoutEditorUrl(shop: string): string {
  return `https://${shop}/admin/settings/checkout/editor?page=checkout&context=apps`;
}
