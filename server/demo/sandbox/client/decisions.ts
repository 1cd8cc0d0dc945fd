import {
  type DecideContext,
  decideOffers,
  type OfferDecision,
  type PublishedConfig,
} from '../../../../core/decide/index';
import { TARGET_INFO } from '../../../../core/offers/catalog';
import type { SandboxCartLine } from './sandbox-types';

/**
 * What decide says for this checkout, computed by the page with the same pure code and inputs the
 * extension uses, for the debug panel and to find a token in a wanted arm.
 */
export function parseConfig(raw: string | null): PublishedConfig | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PublishedConfig;
  } catch {
    return null;
  }
}

export function sandboxContext(
  lines: SandboxCartLine[],
  currency: string,
  language: string,
): DecideContext {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return {
    cartLines: lines.map((l) => ({
      variantId: l.merchandise.id,
      productId: l.merchandise.product.id,
      quantity: l.quantity,
    })),
    subtotal: Math.round(
      lines.reduce((sum, l) => sum + l.cost.totalAmount.amount, 0) * 10 ** digits,
    ),
    currency,
    country: 'US',
    locale: language,
    loggedIn: false,
    customerTags: [],
    now: Date.now(),
  };
}

export function decideAll(
  config: PublishedConfig | null,
  context: DecideContext,
  token: string,
): OfferDecision[] {
  return config ? decideOffers(config, context, token) : [];
}

/**
 * The config's offers of one page: the checkout's (decided on the checkout token) or the Thank
 * you page's (decided on the customer id).
 */
export function offersOn(
  config: PublishedConfig | null,
  page: 'checkout' | 'thank_you',
): PublishedConfig | null {
  if (!config) return null;
  const onThankYou = (target: string) =>
    TARGET_INFO[target as keyof typeof TARGET_INFO]?.surface === 'thank_you';
  return {
    ...config,
    offers: config.offers.filter((o) => onThankYou(o.target) === (page === 'thank_you')),
  };
}

/** A numeric customer id that decide puts in the wanted arm of a Thank you page offer. */
export function findCustomer(
  config: PublishedConfig,
  context: DecideContext,
  wanted: WantedArm,
  offerId: string,
): string | null {
  for (let i = 0; i < 10_000; i++) {
    const customer = String(100_000 + Math.floor(Math.random() * 900_000_000));
    const decision = decideOffers(config, context, customer).find((d) => d.offerId === offerId);
    if (!decision) return null;
    if (!decision.inExperiment) continue;
    if ('arm' in wanted ? decision.arm === wanted.arm : decision.holdout === wanted.holdout)
      return customer;
  }
  return null;
}

/** Which arm a token should land in: holdout or not (any content variant), or one arm by key. */
export type WantedArm = { holdout: boolean } | { arm: string };

/**
 * A fresh token that decide puts in the wanted arm — of one offer, or of the first offer decided
 * for this cart — so every arm of every offer can be seen.
 */
export function findToken(
  config: PublishedConfig,
  context: DecideContext,
  wanted: WantedArm,
  offerId?: string,
): string | null {
  for (let i = 0; i < 10_000; i++) {
    const token = `sbx-${Math.random().toString(36).slice(2, 12)}`;
    const decisions = decideOffers(config, context, token);
    const decision = offerId ? decisions.find((d) => d.offerId === offerId) : decisions[0];
    if (!decision) return null;
    if (!decision.inExperiment) continue;
    if ('arm' in wanted ? decision.arm === wanted.arm : decision.holdout === wanted.holdout)
      return token;
  }
  return null;
}
