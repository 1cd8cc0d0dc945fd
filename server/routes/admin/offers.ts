import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../app-context.js';
import { offerInputSchema, offerPatchSchema } from '../../domain/offer-input.js';
import { computeArmResults } from '../../domain/offer-results.js';
import {
  changeOfferStatus,
  createOffer,
  getExperiment,
  getOffer,
  listOffers,
  type OfferRow,
  updateOffer,
} from '../../domain/offers.js';
import { publishConfig } from '../../domain/publish-config.js';
import { getShop } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

const statusQuery = z.enum(['draft', 'active', 'paused', 'archived']).optional();

async function toApiOffer(ctx: AppContext, offer: OfferRow) {
  const experiment = await getExperiment(ctx, offer.shop, offer.experimentKey);
  return {
    id: offer.id,
    name: offer.name,
    kind: offer.kind,
    target: offer.target,
    status: offer.status,
    content: offer.content,
    products: offer.products.map((p) => p.variantId),
    productDetails: offer.products,
    condition: offer.condition,
    priority: offer.priority,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    holdout: offer.holdout,
    version: offer.version,
    experiment: {
      key: offer.experimentKey,
      seed: experiment?.seed ?? offer.experimentKey,
      holdout: offer.holdout,
      coverage: experiment?.coverage ?? 1,
      arms: experiment?.arms ?? [],
      startedAt: experiment?.startedAt ?? offer.createdAt,
    },
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
  };
}

/** Offers CRUD for the embedded admin. Any change to an active offer republishes the config. */
export function createOfferRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const status = parseOrThrow(statusQuery, c.req.query('status'), 'invalid_query');
      const rows = await listOffers(ctx, c.get('shop'), status);
      return c.json({ offers: await Promise.all(rows.map((row) => toApiOffer(ctx, row))) });
    })
    .post('/', async (c) => {
      const input = parseOrThrow(offerInputSchema, await readJson(c.req.raw), 'invalid_offer');
      const offer = await createOffer(ctx, c.get('shop'), input);
      return c.json({ offer: await toApiOffer(ctx, offer) }, 201);
    })
    .get('/:id', async (c) =>
      c.json({
        offer: await toApiOffer(ctx, await getOffer(ctx, c.get('shop'), c.req.param('id'))),
      }),
    )
    .patch('/:id', async (c) => {
      const patch = parseOrThrow(offerPatchSchema, await readJson(c.req.raw), 'invalid_offer');
      const offer = await updateOffer(ctx, c.get('shop'), c.req.param('id'), patch);
      if (offer.status === 'active') await publishConfig(ctx, c.get('shop'));
      return c.json({ offer: await toApiOffer(ctx, offer) });
    })
    .post('/:id/:action{activate|pause|archive}', async (c) => {
      const action = c.req.param('action') as 'activate' | 'pause' | 'archive';
      const before = await getOffer(ctx, c.get('shop'), c.req.param('id'));
      const offer = await changeOfferStatus(ctx, c.get('shop'), before.id, action);
      if (before.status === 'active' || offer.status === 'active')
        await publishConfig(ctx, c.get('shop'));
      return c.json({ offer: await toApiOffer(ctx, offer) });
    })
    .get('/:id/results', async (c) => {
      const shop = c.get('shop');
      const offer = await getOffer(ctx, shop, c.req.param('id'));
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
