import type { SetupStep, SetupStepKey } from './dashboard-types.js';

/** What each checklist step asks of the merchant, and what "done" means (decided by the server). */
export const STEP_TEXT: Record<SetupStepKey, { title: string; todo: string; done: string }> = {
  offer_created: {
    title: 'Create your first offer',
    todo: 'Pick a cross-sell, an upsell or a trust banner and say who should see it.',
    done: 'You have an offer. Activate it when it is ready for shoppers.',
  },
  block_placed: {
    title: 'Place the Closer block in checkout',
    todo: 'In the checkout editor, open Apps and add the Closer block where offers should show.',
    done: 'The Closer block has reported from a real checkout.',
  },
  block_live: {
    title: 'Confirm offers are live',
    todo: 'Once an active offer is placed, shoppers’ views show up here within minutes.',
    done: 'Shoppers saw an offer in the last 7 days.',
  },
  pixel_connected: {
    title: 'Connect the checkout pixel',
    todo: 'Closer’s pixel is added at install; in Settings › Customer events, check it is connected.',
    done: 'The pixel is sending checkout events.',
  },
};

export interface SetupProgress {
  done: number;
  total: number;
  complete: boolean;
  /** The first step still open: the one to act on. */
  next: SetupStepKey | null;
}

export function setupProgress(steps: readonly SetupStep[]): SetupProgress {
  const open = steps.filter((step) => !step.done);
  return {
    done: steps.length - open.length,
    total: steps.length,
    complete: open.length === 0,
    next: open[0]?.key ?? null,
  };
}

/**
 * The plan note. Checkout-step blocks need Shopify Plus; thank-you and order status page blocks
 * work on every plan but Starter ("available to all plans except Shopify Starter",
 * https://shopify.dev/docs/api/checkout-extensions). The plan is the name Shopify reported at
 * install, shown as is rather than guessed from.
 */
export function planNote(plan: string | null): string {
  const base =
    'Blocks on the checkout steps need Shopify Plus. Blocks on the thank-you and order status pages work on every plan except Shopify Starter.';
  return plan ? `${base} Your plan: ${plan}.` : base;
}
