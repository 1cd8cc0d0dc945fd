import type { PublishedExperiment } from '../../core/decide/index.js';
import type { OfferCreateBody } from '../../core/offers/contract.js';
import { armsFor } from '../../server/domain/offers.js';
import { offerAnswerSchema } from '../simulate/api-schemas.js';

/** Anything that can call the admin API as the bench shop: the in-process app or a server over HTTP. */
export interface AdminClient {
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
}

/**
 * Installs the bench shop (id token → token exchange through the emulator) and creates an active
 * cross-sell offer through the admin API, so the experiment rows are the ones the app writes.
 */
export async function installShop(bench: AdminClient): Promise<void> {
  await bench.admin('GET', '/shop');
}

export async function createActiveOffer(
  bench: AdminClient,
  name: string,
  holdout: number,
): Promise<{ offerId: string; experiment: PublishedExperiment }> {
  const created = offerAnswerSchema.parse(
    await bench.admin('POST', '/offers', {
      name,
      kind: 'cross_sell',
      target: 'checkout_block',
      variants: [
        {
          heading: 'Complete your order',
          body: 'Add the care kit',
          buttonLabel: 'Add',
          products: ['gid://shopify/ProductVariant/20081'],
        },
      ],
      condition: null,
      priority: 0,
      holdout,
    } satisfies OfferCreateBody),
  );
  const { offer } = offerAnswerSchema.parse(
    await bench.admin('POST', `/offers/${created.offer.id}/activate`),
  );
  return {
    offerId: offer.id,
    experiment: {
      key: offer.experiment.key,
      seed: offer.experiment.seed,
      coverage: offer.experiment.coverage,
      arms: offer.experiment.arms ?? armsFor(offer.experiment.holdout),
    },
  };
}
