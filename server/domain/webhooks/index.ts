export { WEBHOOK_HANDLERS } from './handlers.js';
export { processWebhook, type WebhookOutcome } from './process-webhook.js';
export type { WebhookDelivery } from './types.js';
