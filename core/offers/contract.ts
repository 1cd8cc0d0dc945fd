// The offer contract: what the admin sends to create or edit an offer, one zod schema per kind,
// discriminated on `kind`. The server validates requests with it, the admin UI validates its
// form with it before saving (so a merchant never sees a raw server message), and both take
// their types from it. The checkout extension imports types only (`import type`), never zod.
import { z } from 'zod';
import { STOREFRONT_PAGES } from '../storefront/config';
import { INTENT_SENSITIVITIES } from '../storefront/intent-presets';
import {
  CTA_ICONS,
  KIND_INFO,
  LIMITS,
  type OfferKind,
  type OfferTarget,
  VARIANT_ARMS,
} from './catalog';

const variantGid = z
  .string()
  .regex(/^gid:\/\/shopify\/ProductVariant\/\d{1,20}$/, 'Pick a product variant from the store.');

function requiredText(max: number, what: string) {
  return z.string().trim().min(1, `Enter ${what}.`).max(max, `Use ${max} characters or fewer.`);
}
function optionalText(max: number) {
  return z.string().trim().max(max, `Use ${max} characters or fewer.`);
}

function variantList(min: number, max: number, noun: string) {
  return z
    .array(variantGid)
    .min(min, `Pick at least ${min === 1 ? 'one' : min} ${noun}.`)
    .max(max, `Pick at most ${max} ${noun}s.`)
    .refine((ids) => new Set(ids).size === ids.length, `Pick each ${noun} only once.`);
}

/**
 * A link a banner may open: https anywhere, or a path on the shop's own storefront. Nothing else
 * (no `javascript:`, no `http:`, no protocol-relative `//host`).
 */
export function isAllowedLink(url: string): boolean {
  if (/^\/(?![/\\])/.test(url)) return !/[\s<>"]/.test(url);
  if (!url.startsWith('https://')) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

const copyFields = {
  heading: requiredText(LIMITS.heading, 'a heading shoppers will see'),
  body: optionalText(LIMITS.body).default(''),
  buttonLabel: requiredText(LIMITS.buttonLabel, 'a button label'),
};

export const crossSellVariantSchema = z
  .object({ ...copyFields, products: variantList(1, LIMITS.productsPerVariant, 'product') })
  .strict();

export const upsellVariantSchema = z.object(copyFields).strict();

/** A hesitation coupon's copy: what it says once revealed, and the button that applies the code. */
export const hesitationCouponVariantSchema = z.object(copyFields).strict();

/** An exit-intent coupon's copy: what the storefront modal says, and its apply button. */
export const exitCouponVariantSchema = z.object(copyFields).strict();

/** A next-order coupon's copy on the Thank you page; the code and its copy button come with it. */
export const nextOrderCouponVariantSchema = z
  .object({ heading: copyFields.heading, body: copyFields.body })
  .strict();

/** Which other discounts an order-level coupon code may stack with, as the merchant sets it. */
export const combinesWithSchema = z
  .object({
    orderDiscounts: z.boolean('Choose yes or no.'),
    productDiscounts: z.boolean('Choose yes or no.'),
    shippingDiscounts: z.boolean('Choose yes or no.'),
  })
  .strict();

const exitSeconds = (what: string) =>
  z
    .number()
    .int('Use whole seconds.')
    .min(0, `Use 0 to ${LIMITS.exitSecondsMax} seconds ${what}.`)
    .max(LIMITS.exitSecondsMax, `Use 0 to ${LIMITS.exitSecondsMax} seconds ${what}.`);

/** When exit intent fires on the storefront (mapped onto core/storefront's detector settings). */
export const exitIntentSchema = z
  .object({
    /** How readily a leaving gesture counts (core/storefront/intent-presets.ts). */
    sensitivity: z.enum(INTENT_SENSITIVITIES, `Pick one of: ${INTENT_SENSITIVITIES.join(', ')}.`),
    minTimeOnPageSeconds: exitSeconds('on the page'),
    /** 0: the idle timer is off. */
    idleSeconds: exitSeconds('of inactivity (0 turns it off)'),
    frequencyCapHours: z
      .number()
      .int('Use whole hours.')
      .min(1, `Use 1 to ${LIMITS.exitFrequencyCapMax} hours.`)
      .max(LIMITS.exitFrequencyCapMax, `Use 1 to ${LIMITS.exitFrequencyCapMax} hours.`),
  })
  .strict();

export const ctaLinkSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(LIMITS.linkUrl, `Use ${LIMITS.linkUrl} characters or fewer.`)
      .refine(isAllowedLink, 'Use an https:// address or a path on your store starting with /.'),
    label: requiredText(LIMITS.linkLabel, 'a link label'),
  })
  .strict();

export const ctaVariantSchema = z
  .object({
    heading: copyFields.heading,
    body: copyFields.body,
    icon: z.enum(CTA_ICONS, `Pick one of: ${CTA_ICONS.join(', ')}.`),
    link: ctaLinkSchema.nullable().default(null),
  })
  .strict();

/** A discount on the offered product, realised as a Shopify code discount (docs/architecture.md). */
export const offerDiscountSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('percentage'),
      /** Whole percent off, 1..90. */
      value: z
        .number()
        .int('Use a whole percentage.')
        .min(1, 'Use at least 1%.')
        .max(LIMITS.percentOffMax, `Use at most ${LIMITS.percentOffMax}%.`),
    })
    .strict(),
  z
    .object({
      type: z.literal('fixed'),
      /** Minor units of the shop currency off each offered item. */
      value: z
        .number()
        .int('Use a whole amount in minor units.')
        .min(1, 'Use an amount above zero.')
        .max(LIMITS.fixedOffMax, 'That amount is too large.'),
    })
    .strict(),
]);

const commonFields = {
  name: requiredText(LIMITS.name, 'a name for this offer'),
  condition: z
    .record(z.string(), z.unknown())
    .nullable()
    .default(null)
    .refine(
      (c) => c === null || JSON.stringify(c).length <= LIMITS.conditionChars,
      'The condition is too large.',
    ),
  priority: z
    .number()
    .int('Enter a whole number.')
    .min(-LIMITS.priority, `Use a number from -${LIMITS.priority} to ${LIMITS.priority}.`)
    .max(LIMITS.priority, `Use a number from -${LIMITS.priority} to ${LIMITS.priority}.`)
    .default(0),
  startsAt: z.number().int().nonnegative().nullable().default(null),
  endsAt: z.number().int().nonnegative().nullable().default(null),
  /** Share of units held out (see nothing), 0..0.5. Absent on create: the shop's default. */
  holdout: z
    .number()
    .min(0, 'Use a holdout from 0 to 50%.')
    .max(LIMITS.holdoutMax, 'Use a holdout from 0 to 50%.')
    .optional(),
};

function targetOf(kind: OfferKind) {
  const targets = KIND_INFO[kind].targets as [OfferTarget, ...OfferTarget[]];
  return z.enum(targets, `Pick where the offer shows: ${targets.join(' or ')}.`);
}

function variantsOf<T extends z.ZodType>(variant: T) {
  return z
    .array(variant)
    .min(1, 'Add at least one content variant.')
    .max(LIMITS.variants, `Use at most ${LIMITS.variants} content variants.`);
}

const delayMessage = `Use a delay from ${LIMITS.hesitationDelayMin} to ${LIMITS.hesitationDelayMax} seconds.`;

const expiryDaysMessage = `Use ${LIMITS.nextOrderExpiryDaysMin} to ${LIMITS.nextOrderExpiryDaysMax} days.`;
const windowDaysMessage = `Use a window of ${LIMITS.outcomeWindowDaysMin} to ${LIMITS.outcomeWindowDaysMax} days.`;

/** Each kind's own fields, beside the common ones. Declared once; create and edit derive from it. */
const kindShapes = {
  cross_sell: {
    kind: z.literal('cross_sell'),
    target: targetOf('cross_sell'),
    variants: variantsOf(crossSellVariantSchema),
    discount: offerDiscountSchema.nullable().default(null),
  },
  upsell: {
    kind: z.literal('upsell'),
    target: targetOf('upsell'),
    variants: variantsOf(upsellVariantSchema),
    /** Variants whose presence in the cart triggers the offer; the upgrade replaces that line. */
    triggers: variantList(1, LIMITS.triggers, 'trigger product'),
    /** The variant offered in place of the trigger line. */
    replacement: variantGid,
    discount: offerDiscountSchema.nullable().default(null),
  },
  cta: {
    kind: z.literal('cta'),
    target: targetOf('cta'),
    variants: variantsOf(ctaVariantSchema),
  },
  hesitation_coupon: {
    kind: z.literal('hesitation_coupon'),
    target: targetOf('hesitation_coupon'),
    variants: variantsOf(hesitationCouponVariantSchema),
    /** Seconds the buyer stays in checkout without paying before the coupon shows. */
    delaySeconds: z
      .number()
      .int('Use whole seconds.')
      .min(LIMITS.hesitationDelayMin, delayMessage)
      .max(LIMITS.hesitationDelayMax, delayMessage)
      .default(LIMITS.hesitationDelayDefault),
    /** Never shown (nor logged) to a buyer who already has another discount code applied. */
    skipIfCodeApplied: z.boolean('Choose yes or no.').default(true),
    /**
     * Off the whole order (an order-level Shopify code discount): a whole percentage, or minor
     * units off the order once. Required: a coupon without a discount offers nothing.
     */
    discount: offerDiscountSchema,
    /** The code applies from this order subtotal up (minor units); null for any order. */
    minimumSubtotal: z
      .number()
      .int('Use a whole amount in minor units.')
      .min(1, 'Use an amount above zero, or no minimum.')
      .max(LIMITS.fixedOffMax, 'That amount is too large.')
      .nullable()
      .default(null),
  },
  exit_coupon: {
    kind: z.literal('exit_coupon'),
    target: targetOf('exit_coupon'),
    variants: variantsOf(exitCouponVariantSchema),
    /** Off the whole order; each visitor gets a unique single-use code from the offer's pool. */
    discount: offerDiscountSchema,
    /** Hours a handed-out code stays valid. */
    codeExpiryHours: z
      .number()
      .int('Use whole hours.')
      .min(
        LIMITS.exitCodeExpiryMin,
        `Use ${LIMITS.exitCodeExpiryMin} to ${LIMITS.exitCodeExpiryMax} hours.`,
      )
      .max(
        LIMITS.exitCodeExpiryMax,
        `Use ${LIMITS.exitCodeExpiryMin} to ${LIMITS.exitCodeExpiryMax} hours.`,
      )
      .default(LIMITS.exitCodeExpiryDefault),
    /** The code applies from this order subtotal up (minor units); null for any order. */
    minimumSubtotal: z
      .number()
      .int('Use a whole amount in minor units.')
      .min(1, 'Use an amount above zero, or no minimum.')
      .max(LIMITS.fixedOffMax, 'That amount is too large.')
      .nullable()
      .default(null),
    combinesWith: combinesWithSchema.default({
      orderDiscounts: false,
      productDiscounts: true,
      shippingDiscounts: true,
    }),
    intent: exitIntentSchema.default({
      sensitivity: 'medium',
      minTimeOnPageSeconds: 5,
      idleSeconds: 0,
      frequencyCapHours: 24,
    }),
    /** Liquid page types the modal may show on (never checkout). */
    pages: z
      .array(z.enum(STOREFRONT_PAGES, `Pick pages from: ${STOREFRONT_PAGES.join(', ')}.`))
      .min(1, 'Pick at least one page type.')
      .refine((pages) => new Set(pages).size === pages.length, 'Pick each page type only once.')
      .default([...STOREFRONT_PAGES]),
  },
  next_order_coupon: {
    kind: z.literal('next_order_coupon'),
    target: targetOf('next_order_coupon'),
    variants: variantsOf(nextOrderCouponVariantSchema),
    /** Off the whole next order (an order-level code discount, once per customer). */
    discount: offerDiscountSchema,
    /** Days the customer's code stays valid after the Thank you page first showed it. */
    codeExpiryDays: z
      .number()
      .int('Use whole days.')
      .min(LIMITS.nextOrderExpiryDaysMin, expiryDaysMessage)
      .max(LIMITS.nextOrderExpiryDaysMax, expiryDaysMessage)
      .default(LIMITS.nextOrderExpiryDaysDefault),
    /**
     * Days after the exposure in which the customer's orders count as repeat purchases (the
     * experiment's outcome window; the order that showed the page is never one of them).
     */
    outcomeWindowDays: z
      .number()
      .int('Use whole days.')
      .min(LIMITS.outcomeWindowDaysMin, windowDaysMessage)
      .max(LIMITS.outcomeWindowDaysMax, windowDaysMessage)
      .default(LIMITS.outcomeWindowDaysDefault),
  },
} satisfies Record<OfferKind, { kind: z.ZodLiteral<string> } & z.ZodRawShape>;

type CrossFieldInput = {
  startsAt?: number | null;
  endsAt?: number | null;
  triggers?: string[];
  replacement?: string;
};

/** Rules that span fields; run on the whole offer (on create, and on an edit merged with the offer). */
function checkCrossFields(offer: CrossFieldInput, ctx: z.RefinementCtx) {
  if (offer.startsAt != null && offer.endsAt != null && offer.endsAt <= offer.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' });
  }
  if (offer.replacement && offer.triggers?.includes(offer.replacement)) {
    ctx.addIssue({
      code: 'custom',
      path: ['replacement'],
      message: 'The upgrade must be a different variant from the trigger products.',
    });
  }
}

/** A kind's create schema: the common fields beside the kind's own, checked across fields. */
function inputSchemaOf<K extends OfferKind>(kind: K) {
  return z
    .object({ ...commonFields, ...kindShapes[kind] })
    .strict()
    .superRefine((offer, ctx) => checkCrossFields(offer as CrossFieldInput, ctx));
}

export const crossSellInputSchema = inputSchemaOf('cross_sell');
export const upsellInputSchema = inputSchemaOf('upsell');
export const ctaInputSchema = inputSchemaOf('cta');
export const hesitationCouponInputSchema = inputSchemaOf('hesitation_coupon');
export const exitCouponInputSchema = inputSchemaOf('exit_coupon');
export const nextOrderCouponInputSchema = inputSchemaOf('next_order_coupon');

/** `POST /api/admin/offers`. */
export const offerInputSchema = z.discriminatedUnion(
  'kind',
  [
    crossSellInputSchema,
    upsellInputSchema,
    ctaInputSchema,
    hesitationCouponInputSchema,
    exitCouponInputSchema,
    nextOrderCouponInputSchema,
  ],
  {
    error:
      'Pick an offer kind: cross_sell, upsell, cta, hesitation_coupon, exit_coupon or next_order_coupon.',
  },
);

export type OfferInput = z.infer<typeof offerInputSchema>;
/** What a client may send to create an offer (fields with defaults may be left out). */
export type OfferCreateBody = z.input<typeof offerInputSchema>;
/** The parsed input of one kind. */
export type OfferInputOf<K extends OfferKind> = Extract<OfferInput, { kind: K }>;
export type CrossSellVariant = z.infer<typeof crossSellVariantSchema>;
export type UpsellVariant = z.infer<typeof upsellVariantSchema>;
export type CtaVariant = z.infer<typeof ctaVariantSchema>;
export type HesitationCouponVariant = z.infer<typeof hesitationCouponVariantSchema>;
export type ExitCouponVariant = z.infer<typeof exitCouponVariantSchema>;
export type NextOrderCouponVariant = z.infer<typeof nextOrderCouponVariantSchema>;
export type ExitIntent = z.infer<typeof exitIntentSchema>;
export type CombinesWith = z.infer<typeof combinesWithSchema>;
export type OfferDiscount = z.infer<typeof offerDiscountSchema>;
export type CtaLink = z.infer<typeof ctaLinkSchema>;

/**
 * Fields the server owns. An edit may carry them back exactly as `GET` returned them (so a client
 * can send the offer it read); they are ignored, except `kind` (an offer cannot change kind) and
 * `version` (a stale version is refused with 409, so two tabs cannot overwrite each other).
 */
const readOnlyFields = {
  id: z.unknown().optional(),
  status: z.unknown().optional(),
  version: z.number().int().positive().optional(),
  experiment: z.unknown().optional(),
  productDetails: z.unknown().optional(),
  discountCode: z.unknown().optional(),
  publication: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
};

const patchSchemas = {
  cross_sell: patchSchemaOf('cross_sell'),
  upsell: patchSchemaOf('upsell'),
  cta: patchSchemaOf('cta'),
  hesitation_coupon: patchSchemaOf('hesitation_coupon'),
  exit_coupon: patchSchemaOf('exit_coupon'),
  next_order_coupon: patchSchemaOf('next_order_coupon'),
};

function patchSchemaOf<K extends OfferKind>(kind: K) {
  const { kind: kindField, ...own } = kindShapes[kind];
  // Without defaults: an absent field means "unchanged", never "reset to the default".
  const editable = Object.fromEntries(
    Object.entries({ ...commonFields, ...own }).map(([key, schema]) => [
      key,
      unwrapDefault(schema as z.ZodType).optional(),
    ]),
  );
  return z.object({ ...editable, ...readOnlyFields, kind: kindField.optional() }).strict();
}

function unwrapDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** `PATCH /api/admin/offers/:id` for an offer of this kind: any subset of its fields. */
export function offerPatchSchemaFor(kind: OfferKind) {
  return patchSchemas[kind];
}

export type OfferPatch = Partial<Omit<OfferInput, 'kind'>> & {
  kind?: OfferKind;
  version?: number;
};

/** The server-held state of an offer that the admin reads beside its input fields. */
export type OfferStatus = 'draft' | 'active' | 'paused' | 'archived';
export const OFFER_STATUSES = [
  'draft',
  'active',
  'paused',
  'archived',
] as const satisfies readonly OfferStatus[];
export const OFFER_ACTIONS = ['activate', 'pause', 'archive'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/** A product as the offer snapshotted it from Admin GraphQL; price in minor units. */
export interface ProductDetail {
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  price: number;
  available: boolean;
}

export interface OfferExperimentView {
  key: string;
  seed: string;
  holdout: number;
  coverage: number;
  startedAt: number;
  arms: { key: string; weight: number; holdout: boolean }[];
}

/**
 * Whether shoppers see what the database says. `live`: Shopify holds the config with this offer's
 * latest change (active offers show, others are gone); `publishing`: the change is on its way;
 * `retrying`: Shopify refused or failed and the publisher is retrying (`message` says why).
 */
export type PublicationState = 'live' | 'publishing' | 'retrying';
export interface OfferPublication {
  state: PublicationState;
  message: string | null;
  /** When the publisher tries again (epoch ms), while retrying. */
  nextAttemptAt: number | null;
}

/** `GET /api/admin/offers/:id` → `{offer}`: the input fields with the server's state beside them. */
export type Offer = OfferInput & {
  holdout: number;
  id: string;
  status: OfferStatus;
  version: number;
  experiment: OfferExperimentView;
  /** Every product the offer references (variants, triggers, upgrade), by variant id. */
  productDetails: ProductDetail[];
  /** The Shopify discount code behind `discount`, once created; null without a discount. */
  discountCode: string | null;
  publication: OfferPublication;
  createdAt: number;
  updatedAt: number;
};

/** Number of content variants → their arm keys, in order. */
export function variantArmKeys(count: number): string[] {
  return VARIANT_ARMS.slice(0, Math.max(1, Math.min(count, VARIANT_ARMS.length)));
}
