import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The local demo shop and its app credentials, generated on first start and kept in
 * `data/demo-shop.json` so scripts, tests and curl can sign tokens and webhooks as Shopify would.
 */
const demoShopSchema = z.object({
  shop: z.string().regex(/^[a-z0-9-]+\.myshopify\.com$/),
  apiKey: z.string().min(16),
  apiSecret: z.string().min(32),
  createdAt: z.number(),
});

export type DemoShop = z.infer<typeof demoShopSchema>;

export const DEMO_SHOP_FILE = 'demo-shop.json';

export function loadOrCreateDemoShop(dataDir: string): DemoShop {
  const path = resolve(dataDir, DEMO_SHOP_FILE);
  if (existsSync(path)) {
    const parsed = demoShopSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const demo: DemoShop = {
    shop: 'closer-demo.myshopify.com',
    apiKey: randomBytes(16).toString('hex'),
    apiSecret: `shpss_${randomBytes(24).toString('hex')}`,
    createdAt: Date.now(),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}
