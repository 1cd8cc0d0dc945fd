import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { shopifySessions, shops } from '../../../drizzle/schema.js';
import { parsePayload } from '../invalid-payload.js';
import type { WebhookHandler } from './types.js';

/** app/uninstalled: the shop's tokens are dead; drop every session and remember when it left. */
export const handleAppUninstalled: WebhookHandler = async (ctx, webhook) => [
  ctx.db.delete(shopifySessions).where(eq(shopifySessions.shop, webhook.shop)),
  ctx.db
    .update(shops)
    .set({ uninstalledAt: Date.now(), updatedAt: Date.now() })
    .where(eq(shops.shop, webhook.shop)),
];

const scopesUpdateSchema = z.object({
  current: z.array(z.string().max(100)).max(200),
});

/** app/scopes_update: keep the stored offline session's scope in step with what was granted. */
export const handleScopesUpdate: WebhookHandler = async (ctx, webhook) => {
  const payload = parsePayload(scopesUpdateSchema, webhook.payload, 'invalid_scopes_payload');
  return [
    ctx.db
      .update(shopifySessions)
      .set({ scope: payload.current.join(',') })
      .where(and(eq(shopifySessions.shop, webhook.shop), eq(shopifySessions.isOnline, false))),
  ];
};
