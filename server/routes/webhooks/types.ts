import type { BatchItem } from 'drizzle-orm/batch';
import type { AppContext } from '../../app-context.js';
import type { VerifiedWebhook } from '../../auth/webhook-auth.js';

/**
 * A topic handler reads what it needs, then returns the writes to make. The route commits them
 * in one batch together with the delivery record, so a delivery is applied entirely or not at
 * all, and a redelivery (same webhook id) is recognised and changes nothing.
 */
export type WebhookHandler = (
  ctx: AppContext,
  webhook: VerifiedWebhook,
) => Promise<BatchItem<'sqlite'>[]>;
