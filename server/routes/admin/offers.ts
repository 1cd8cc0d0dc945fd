import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  OFFER_ACTIONS,
  OFFER_STATUSES,
  type OfferAction,
  offerInputSchema,
} from '../../../core/offers/contract.js';
import { experiments } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { computeArmResults } from '../../domain/offer-results.js';
import {
  changeOfferStatus,
  createOffer,
  getExperiment,
  getOffer,
  getOfferRow,
  listOffers,
  parseContract,
  updateOffer,
} from '../../domain/offers.js';
import { getShop } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

const statusQuery = z.enum(OFFER_STATUSES).optional();
const actionPattern = OFFER_ACTIONS.join('|');

/**
 * One experiment an offer has run: a new one starts whenever its split changes (holdout or
 * number of variants), and the old one keeps its results. `stoppedAt` is null for the current.
 */
export interface OfferExperimentSummary {
  key: string;
  startedAt: number;
  stoppedAt: number | null;
  holdout: number;
  variants: number;
  current: boolean;
}

/**
 * Offers CRUD for the embedded admin (docs/api.md). Validation is the offer contract's
 * (core/offers/contract.ts); the domain commits each change with its publication request.
 */
export function createOfferRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const status = parseOrThrow(statusQuery, c.req.query('status'), 'invalid_query');
      return c.json({ offers: await listOffers(ctx, c.get('shop'), status) });
    })
    .post('/', async (c) => {
      const input = parseContract(offerInputSchema, await readJson(c.req.raw));
      return c.json({ offer: await createOffer(ctx, c.get('shop'), input) }, 201);
    })
    .get('/:id', async (c) =>
      c.json({ offer: await getOffer(ctx, c.get('shop'), c.req.param('id')) }),
    )
    .patch('/:id', async (c) => {
      const body = await readJson(c.req.raw);
      return c.json({ offer: await updateOffer(ctx, c.get('shop'), c.req.param('id'), body) });
    })
    .post(`/:id/:action{${actionPattern}}`, async (c) => {
      const action = c.req.param('action') as OfferAction;
      return c.json({
        offer: await changeOfferStatus(ctx, c.get('shop'), c.req.param('id'), action),
      });
    })
    .get('/:id/experiments', async (c) => {
      const shop = c.get('shop');
      const offer = await getOfferRow(ctx, shop, c.req.param('id'));
      const rows = await ctx.db
        .select()
        .from(experiments)
        .where(and(eq(experiments.shop, shop), eq(experiments.offerId, offer.id)))
        .orderBy(desc(experiments.startedAt));
      const list: OfferExperimentSummary[] = rows.map((row) => ({
        key: row.key,
        startedAt: row.startedAt,
        stoppedAt: row.stoppedAt,
        holdout: row.arms.find((arm) => arm.holdout)?.weight ?? 0,
        variants: row.arms.filter((arm) => !arm.holdout).length,
        current: row.key === offer.experimentKey,
      }));
      return c.json({ experiments: list });
    })
    .get('/:id/results', async (c) => {
      const shop = c.get('shop');
      const offer = await getOfferRow(ctx, shop, c.req.param('id'));
      const experiment = await getExperiment(ctx, shop, offer.experimentKey);
      if (!experiment)
        throw new ApiError(404, 'experiment_not_found', 'This offer has no experiment.');
      const arms = await computeArmResults(ctx, offer, experiment.arms);
      return c.json({
        offerId: offer.id,
        experimentKey: experiment.key,
        currency: (await getShop(ctx.db, shop))?.currency ?? 'USD',
        arms,
      });
    });
}
