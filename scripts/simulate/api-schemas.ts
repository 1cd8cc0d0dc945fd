import { z } from 'zod';

/**
 * The parts of the admin API's answers the simulator reads. Parsing them (instead of casting)
 * turns an API change into a clear error rather than a NaN in the printed report.
 */
export const shopSchema = z.object({ shop: z.string(), currency: z.string().length(3) });

const armSchema = z.object({ key: z.string(), weight: z.number(), holdout: z.boolean() });

export const offerSchema = z.object({
  id: z.string(),
  kind: z.string().optional(),
  status: z.enum(['draft', 'active', 'paused', 'archived']),
  holdout: z.number(),
  experiment: z.object({
    key: z.string(),
    seed: z.string(),
    holdout: z.number(),
    coverage: z.number(),
    /** Not (yet) in the API; when present it wins over arms derived from `holdout`. */
    arms: z.array(armSchema).optional(),
  }),
  productDetails: z
    .array(
      z.object({
        variantId: z.string(),
        productId: z.string(),
        price: z.number().int(),
      }),
    )
    // Coupons reference no product; the cross-sell checks it has one.
    .default([]),
  /** The Shopify code behind the offer's discount (a coupon's shared code), when it has one. */
  discountCode: z.string().nullish(),
});
export const offerAnswerSchema = z.object({ offer: offerSchema });
export type ApiOffer = z.infer<typeof offerSchema>;

const comparisonSchema = z.object({
  expected: z.number(),
  stddev: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  pValue: z.number().optional(),
  chanceToWin: z.number().optional(),
});

export const reportSchema = z.object({
  experimentKey: z.string(),
  currency: z.string(),
  engine: z.string(),
  sequential: z.boolean(),
  alpha: z.number(),
  arms: z.array(
    z.object({
      arm: z.string(),
      holdout: z.boolean(),
      units: z.number(),
      orders: z.number(),
      revenue: z.number(),
      revenuePerUnit: z.number(),
      refunds: z.number(),
      attributedRevenue: z.number(),
      attachRate: z.number(),
      /** Discounts on the arm's orders, already taken off revenue. */
      discounts: z.number().default(0),
    }),
  ),
  comparisons: z.object({
    revenuePerUnit: comparisonSchema,
    conversionRate: comparisonSchema,
    averageOrderValue: comparisonSchema,
    incrementalRevenue: comparisonSchema,
  }),
  srm: z.object({ pValue: z.number(), flagged: z.boolean() }),
  warnings: z.array(z.string()),
  verdict: z.object({ kind: z.string(), text: z.string() }),
});
export type SimReport = z.infer<typeof reportSchema>;
