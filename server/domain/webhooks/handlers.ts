import { handleAppUninstalled, handleScopesUpdate } from './app-lifecycle.js';
import {
  handleCustomersDataRequest,
  handleCustomersRedact,
  handleShopRedact,
} from './compliance.js';
import { handleOrdersCreate } from './orders-create.js';
import { handleRefundsCreate } from './refunds-create.js';
import type { WebhookHandler } from './types.js';

/** Topic → handler. `shopify.app.toml` subscribes each topic to `/webhooks/<topic>`. */
export const WEBHOOK_HANDLERS: Record<string, WebhookHandler> = {
  'app/uninstalled': handleAppUninstalled,
  'app/scopes_update': handleScopesUpdate,
  'orders/create': handleOrdersCreate,
  'refunds/create': handleRefundsCreate,
  'customers/data_request': handleCustomersDataRequest,
  'customers/redact': handleCustomersRedact,
  'shop/redact': handleShopRedact,
};
