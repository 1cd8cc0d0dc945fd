/**
 * Signs and sends a webhook to a running demo server with the secrets in data/demo-shop.json,
 * exactly as Shopify would. Usage:
 *   npm run webhook -- orders/create [payload.json] [--webhook-id ID] [--url http://127.0.0.1:3000]
 * Without a payload file it sends a sample order for the demo shop.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadOrCreateDemoShop } from '../server/demo/demo-shop.js';
import { webhookHeaders } from '../server/demo/shopify-signatures.js';

export interface SendWebhookOptions {
  baseUrl: string;
  dataDir: string;
  topic: string;
  payload: unknown;
  webhookId?: string;
}

export async function sendDemoWebhook(options: SendWebhookOptions) {
  const demo = loadOrCreateDemoShop(options.dataDir);
  const body = JSON.stringify(options.payload);
  const headers = webhookHeaders(demo.apiSecret, demo.shop, options.topic, body, {
    webhookId: options.webhookId ?? randomUUID(),
  });
  const res = await fetch(`${options.baseUrl}/webhooks/${options.topic}`, {
    method: 'POST',
    headers,
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

export function sampleOrder(id = Date.now()) {
  const money = (amount: string) => ({ shop_money: { amount, currency_code: 'USD' } });
  return {
    id,
    name: `#D${id}`,
    checkout_token: `demo-${id}`,
    currency: 'USD',
    customer: null,
    subtotal_price_set: money('34.00'),
    total_price_set: money('36.72'),
    total_discounts_set: money('0.00'),
    total_tax_set: money('2.72'),
    created_at: new Date().toISOString(),
    line_items: [
      {
        id: 1,
        product_id: 1001,
        variant_id: 20001,
        quantity: 1,
        price_set: money('34.00'),
        properties: [],
      },
    ],
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'webhook-id': { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      'data-dir': { type: 'string', default: 'data' },
    },
  });
  const topic = positionals[0] ?? 'orders/create';
  const payload = positionals[1] ? JSON.parse(readFileSync(positionals[1], 'utf8')) : sampleOrder();
  const result = await sendDemoWebhook({
    baseUrl: values.url ?? 'http://127.0.0.1:3000',
    dataDir: values['data-dir'] ?? 'data',
    topic,
    payload,
    ...(values['webhook-id'] ? { webhookId: values['webhook-id'] } : {}),
  });
  process.stdout.write(`${result.status} ${JSON.stringify(result.body)}\n`);
  if (result.status >= 300) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
