import { Hono } from 'hono';
import { z } from 'zod';
import {
  OFFER_ACTIONS,
  OFFER_STATUSES,
  type OfferAction,
  offerInputSchema,
} from '../../../core/offers/contract.js';
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
