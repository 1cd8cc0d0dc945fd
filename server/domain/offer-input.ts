import { z } from 'zod';

/** What the admin sends to create or edit a cross-sell offer (see docs/api.md). */
const variantGid = z
  .string()
  .regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/, 'must be a ProductVariant GID');
const text = (max: number) => z.string().trim().min(1).max(max);

export const offerInputSchema = z
  .object({
    name: text(120),
    kind: z.literal('cross_sell').default('cross_sell'),
    target: z.enum(['checkout_block', 'cart_line_list_after']),
    content: z
      .object({ heading: text(80), body: z.string().trim().max(280), buttonLabel: text(30) })
      .strict(),
    products: z
      .array(variantGid)
      .min(1, 'pick at least one product')
      .max(3, 'pick at most three products')
      .refine((ids) => new Set(ids).size === ids.length, 'products must not repeat'),
    condition: z
      .record(z.string(), z.unknown())
      .nullable()
      .default(null)
      .refine((c) => c === null || JSON.stringify(c).length <= 4000, 'condition is too large'),
    priority: z.number().int().min(-1000).max(1000).default(0),
    startsAt: z.number().int().nonnegative().nullable().default(null),
    endsAt: z.number().int().nonnegative().nullable().default(null),
    holdout: z.number().min(0).max(0.5).optional(),
  })
  .strict()
  .refine((o) => o.startsAt === null || o.endsAt === null || o.endsAt > o.startsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

export type OfferInput = z.infer<typeof offerInputSchema>;

export const offerPatchSchema = z
  .object({
    name: text(120),
    target: z.enum(['checkout_block', 'cart_line_list_after']),
    content: z
      .object({ heading: text(80), body: z.string().trim().max(280), buttonLabel: text(30) })
      .strict(),
    products: z
      .array(variantGid)
      .min(1)
      .max(3)
      .refine((ids) => new Set(ids).size === ids.length, 'products must not repeat'),
    condition: z.record(z.string(), z.unknown()).nullable(),
    priority: z.number().int().min(-1000).max(1000),
    startsAt: z.number().int().nonnegative().nullable(),
    endsAt: z.number().int().nonnegative().nullable(),
    holdout: z.number().min(0).max(0.5),
  })
  .partial()
  .strict();

export type OfferPatch = z.infer<typeof offerPatchSchema>;
