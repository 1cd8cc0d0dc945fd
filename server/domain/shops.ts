import type { Session } from '@shopify/shopify-api';
import { and, eq, isNull } from 'drizzle-orm';
import { type ShopSettings, shops } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import type { Database } from '../db/client.js';
import { createAdminGateway } from '../shopify/admin-gateway.js';
import { shopCacheFor } from './shop-cache.js';

/**
 * Records the install (or re-install) of a shop. Shop details come from Admin GraphQL once, on
 * install, so every later request is a single indexed read.
 */
export async function ensureShopInstalled(
  ctx: AppContext,
  session: Session,
  isNewSession: boolean,
) {
  const existing = await ctx.db.query.shops.findFirst({ where: eq(shops.shop, session.shop) });
  if (existing && existing.uninstalledAt === null && !isNewSession) return existing;
  const gateway = createAdminGateway(ctx, session);
  const info = await gateway.fetchShopInfo();
  const now = Date.now();
  const values = {
    shop: session.shop,
    name: info.name,
    shopGid: info.id,
    currency: info.currencyCode,
    plan: info.planName,
    installedAt: existing && existing.uninstalledAt === null ? existing.installedAt : now,
    uninstalledAt: null,
    updatedAt: now,
  };
  await ctx.db.insert(shops).values(values).onConflictDoUpdate({ target: shops.shop, set: values });
  // A re-install makes the shop active again: this process's cache must not keep it uninstalled.
  shopCacheFor(ctx).forget(session.shop);
  ctx.logger.info('shop installed', { shop: session.shop });
  try {
    await gateway.activateWebPixel(`${ctx.appUrl}/api/pixel/events`);
  } catch {
    // The pixel is a secondary signal; an install must not fail because of it.
    ctx.logger.warn('web pixel activation failed', { shop: session.shop });
  }
  return values;
}

export async function isShopActive(db: Database, shop: string): Promise<boolean> {
  const row = await db
    .select({ shop: shops.shop })
    .from(shops)
    .where(and(eq(shops.shop, shop), isNull(shops.uninstalledAt)))
    .get();
  return row !== undefined;
}

export async function getShop(db: Database, shop: string) {
  return db.query.shops.findFirst({ where: eq(shops.shop, shop) });
}

export async function updateShopSettings(db: Database, shop: string, patch: Partial<ShopSettings>) {
  const current = await getShop(db, shop);
  const settings: ShopSettings = { ...(current?.settings ?? { defaultHoldout: 0.1 }), ...patch };
  await db.update(shops).set({ settings, updatedAt: Date.now() }).where(eq(shops.shop, shop));
  return settings;
}
