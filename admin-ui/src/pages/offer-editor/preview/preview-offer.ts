import type { OfferKind, OfferTarget } from '../../../../../core/offers/catalog.js';
import { compileKindContent, type KindSpecOf } from '../../../../../core/offers/compile-content.js';
import { type ProductDetail, variantArmKeys } from '../../../../../core/offers/contract.js';
import type {
  OfferProduct,
  PublishedConfig,
  PublishedDiscount,
  PublishedOffer,
} from '../../../../../core/offers/published-config.js';
import { formToInput, type OfferForm } from '../offer-form.js';

/** What the preview draws: one offer as publishing would compile it, for one content variant. */
export interface PreviewOffer {
  offer: PublishedOffer;
  /** The arm keys of the form's content variants, in order ("Variant A", "Variant B"…). */
  arms: string[];
}

/** The form's contract input (not yet validated) and the products the form picked. */
export interface PreviewSource {
  input: { kind: OfferKind; target: OfferTarget } & Record<string, unknown>;
  details: ProductDetail[];
}

export const PREVIEW_OFFER_ID = 'preview';
/** Stands for the Shopify code the server creates on save; the preview applies nothing. */
export const PREVIEW_DISCOUNT_CODE = 'PREVIEW';

/**
 * The form as the contract's input — the same conversion saving uses (`formToInput`) — and every
 * product the form holds. Input the contract would refuse is still drawn as typed: the preview
 * follows each keystroke, and the form shows what must change before saving.
 */
export function previewSourceOf(form: OfferForm, currency: string): PreviewSource {
  const { input } = formToInput(form, currency);
  return {
    input: input as PreviewSource['input'],
    details: collectProductDetails(form.spec),
  };
}

/**
 * The offer as the checkout extension would read it, compiled by the same pure step the server
 * publishes with (`compileKindContent`). What the preview has no use for is fixed: everyone is in
 * the experiment, in the arm being previewed; no targeting or schedule (the merchant previews the
 * offer as its audience sees it); the discount under a stand-in code.
 */
export function compilePreviewOffer(
  source: PreviewSource,
  options: { currency: string; arm?: string },
): PreviewOffer {
  const { input } = source;
  const spec = input as unknown as KindSpecOf<OfferKind>;
  const arms = variantArmKeys(Array.isArray(spec.variants) ? spec.variants.length : 1);
  const arm = options.arm && arms.includes(options.arm) ? options.arm : (arms[0] as string);
  const products = new Map(
    source.details.map((detail) => [detail.variantId, toOfferProduct(detail, options.currency)]),
  );
  // The registry is keyed by kind, so spec and compiler always match; TypeScript cannot see it.
  const compiled = compileKindContent(input.kind, spec as never, arms, products);
  const discount = previewDiscount(input.discount);
  const offer = {
    id: PREVIEW_OFFER_ID,
    kind: input.kind,
    target: input.target,
    priority: 0,
    experiment: {
      key: PREVIEW_OFFER_ID,
      seed: PREVIEW_OFFER_ID,
      coverage: 1,
      arms: [{ key: arm, weight: 1, holdout: false }],
    },
    ...compiled,
    ...(discount && { discount }),
  } as PublishedOffer;
  return { offer, arms };
}

/** A config holding only the previewed offer, as the extension reads `$app.closer_config`. */
export function previewConfig(
  offer: PublishedOffer,
  shop: string,
  currency: string,
): PublishedConfig {
  return { v: 2, shop, currency, publishedAt: 0, offers: [offer] };
}

function toOfferProduct(detail: ProductDetail, currency: string): OfferProduct {
  return {
    variantId: detail.variantId,
    productId: detail.productId,
    title: detail.title,
    variantTitle: detail.variantTitle === 'Default Title' ? null : detail.variantTitle,
    imageUrl: detail.imageUrl,
    price: { amount: detail.price, currencyCode: currency },
    available: detail.available,
  };
}

/** The contract's discount as published, or none for a value the form could not convert. */
function previewDiscount(value: unknown): PublishedDiscount | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, value: amount } = value as { type?: unknown; value?: unknown };
  if ((type !== 'percentage' && type !== 'fixed') || typeof amount !== 'number') return null;
  if (!Number.isFinite(amount) || amount <= 0) return null;
  return { code: PREVIEW_DISCOUNT_CODE, type, value: amount };
}

/**
 * Every product the kind's form holds (picked offers, triggers, an upgrade), wherever the kind
 * keeps them: the form stores each pick with its details, so the preview needs no lookup and no
 * kind's name.
 */
export function collectProductDetails(value: unknown): ProductDetail[] {
  const found = new Map<string, ProductDetail>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (isProductDetail(node)) {
      if (!found.has(node.variantId)) found.set(node.variantId, node);
      return;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  visit(value);
  return [...found.values()];
}

function isProductDetail(node: object): node is ProductDetail {
  const candidate = node as Partial<ProductDetail>;
  return (
    typeof candidate.variantId === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.price === 'number' &&
    typeof candidate.available === 'boolean'
  );
}
