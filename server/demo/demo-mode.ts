import { setupServer } from 'msw/node';
import type { RouteMount } from '../app.js';
import type { AppContext } from '../app-context.js';
import { authenticateAdmin } from '../auth/admin-auth.js';
import { type DemoShop, loadOrCreateDemoShop } from './demo-shop.js';
import { mountDevRoutes } from './dev-routes.js';
import { createShopifyEmulator } from './emulator/index.js';
import { mountSandboxRoutes, readConfigFromEmulator } from './sandbox/index.js';
import { signAdminIdToken } from './shopify-signatures.js';
import { demoStorefrontOffers } from './storefront/demo-offers.js';
import { mountStorefrontRoutes } from './storefront/index.js';

/**
 * Everything demo mode adds to the server, behind one module that `boot.ts` imports dynamically
 * and only in demo mode, so a Shopify-mode process never loads the emulator, msw, the token
 * signers or the dev routes.
 */
export interface DemoMode {
  /** The local shop and the app credentials `data/demo-shop.json` holds. */
  account: DemoShop;
  /** Dev pages, checkout sandbox and demo storefront, for a context built with `account`'s secrets. */
  mounts(ctx: AppContext): RouteMount[];
  /** Installs the demo shop through the real path: an id token, then token exchange. */
  installShop(ctx: AppContext): Promise<void>;
  close(): void;
}

export function startDemoMode(dataDir: string): DemoMode {
  const account = loadOrCreateDemoShop(dataDir);
  const emulator = createShopifyEmulator({ ...account, shops: [{ shop: account.shop }] });
  const network = setupServer(...emulator.handlers);
  network.listen({ onUnhandledFrame: 'bypass' });
  return {
    account,
    mounts: (ctx) => [
      mountDevRoutes(ctx),
      mountSandboxRoutes(ctx, {
        readPublishedConfig: readConfigFromEmulator(emulator, account.shop),
      }),
      mountStorefrontRoutes(ctx, {
        offers: demoStorefrontOffers(account.shop),
        readPublished: async () =>
          emulator.state(account.shop).metafields.get('$app.storefront_config')?.value ?? null,
      }),
    ],
    installShop: async (ctx) => {
      await authenticateAdmin(ctx, await signAdminIdToken(account, account.shop));
    },
    close: () => network.close(),
  };
}
