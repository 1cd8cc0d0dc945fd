import type { ArmColumn, OfferStatus } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { type SqlRunner, sqlRunnerFor } from '../db/sql-runner.js';

/**
 * What the ingestion paths need to know about a shop, read once and kept: whether the app is
 * installed, and its offers and experiments (to check events against). Nothing here is read per
 * request except one indexed row that says whether anything changed.
 *
 * The server runs as N processes over one database, so a kept value must notice a change made by
 * another process. Every change shoppers can see bumps the shop's publication counter
 * (`shop_publications.requested`, domain/publication.ts) in the same transaction; uninstall and
 * redaction change the `shops` row. One point read of both — the shop's *state* — tells whether
 * the kept catalog is still the database's. That read is made at most once per `recheckMs` (1 s)
 * per shop: a change committed by another process is seen within a second. The process that makes
 * a change forgets the shop at once (`forget`, called after every offer write in
 * domain/offers.ts, after install in domain/shops.ts and on uninstall and redaction in
 * domain/webhooks/process-webhook.ts), so its own next request reads the new state. On a local
 * file the read costs ~12 µs, which at checkout peak (thousands of requests a second for one shop)
 * was still 3 % of an ingestion request; against a remote database it is a round trip. Changes
 * that publish nothing (archiving a paused offer, editing a draft) made by another process are
 * picked up within `catalogMaxAgeMs`.
 */
export interface ShopCacheOptions {
  /** How old a shop's state may be before a request reads it again. */
  recheckMs: number;
  /** A catalog is reloaded at least this often, for changes that bump no counter. */
  catalogMaxAgeMs: number;
  /** Shops kept; past this the least recently used is forgotten. */
  maxShops: number;
  now(): number;
}

export interface CatalogExperiment {
  key: string;
  offerId: string;
  seed: string;
  coverage: number;
  arms: ArmColumn[];
}

export interface ShopCatalog {
  /** Every offer of the shop by id, with its status. */
  offers: Map<string, OfferStatus>;
  /** Experiments of the shop's offers that are not archived, by key. */
  experiments: Map<string, CatalogExperiment>;
}

interface Entry {
  active: boolean;
  /** The shop's publication counter when the state was read. */
  version: number;
  checkedAt: number;
  catalog?: { value: ShopCatalog; version: number; loadedAt: number };
}

/** How stale a process may see another process's change to a shop (see above). */
export const SHOP_STATE_RECHECK_MS = 1_000;

const STATE = `select s.uninstalled_at as uninstalled_at, coalesce(p.requested, 0) as version
  from shops s left join shop_publications p on p.shop = s.shop
  where s.shop = ?`;
const OFFERS = 'select id, status from offers where shop = ?';
const EXPERIMENTS = `select e.key, e.offer_id, e.seed, e.coverage, e.arms
  from experiments e join offers o on o.shop = e.shop and o.id = e.offer_id
  where e.shop = ? and o.status != 'archived'`;

export class ShopCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly runner: SqlRunner,
    private readonly options: ShopCacheOptions,
  ) {}

  /** Whether the app is installed on the shop (uninstall and redaction end it). */
  async isActive(shop: string): Promise<boolean> {
    return (await this.state(shop, this.options.recheckMs)).active;
  }

  /**
   * The shop's offers and experiments, as of the shop's state. A request already authenticated
   * by `isActive` finds that state fresh and reads nothing.
   */
  async catalog(shop: string, options: { fresh?: boolean } = {}): Promise<ShopCatalog> {
    const entry = await this.state(shop, Math.max(this.options.recheckMs, 1_000));
    const now = this.options.now();
    const kept = entry.catalog;
    if (
      !options.fresh &&
      kept &&
      kept.version === entry.version &&
      now - kept.loadedAt < this.options.catalogMaxAgeMs
    ) {
      return kept.value;
    }
    const value = await this.loadCatalog(shop);
    entry.catalog = { value, version: entry.version, loadedAt: now };
    return value;
  }

  /** Shops kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops what is kept about the shop (after an uninstall or a redaction in this process). */
  forget(shop: string) {
    this.entries.delete(shop);
  }

  private async state(shop: string, maxAgeMs: number): Promise<Entry> {
    const now = this.options.now();
    const kept = this.entries.get(shop);
    if (kept) {
      // Re-inserted: the map's order is least recently used first.
      this.entries.delete(shop);
      this.entries.set(shop, kept);
      if (now - kept.checkedAt <= maxAgeMs && maxAgeMs > 0) return kept;
    }
    const [row] = await this.runner.read({ sql: STATE, args: [shop] });
    const active = row !== undefined && row.uninstalled_at === null;
    const version = Number(row?.version ?? 0);
    const entry: Entry = { active, version, checkedAt: now };
    // A catalog stays valid while the counter it was loaded under has not moved.
    if (kept?.catalog && active) entry.catalog = kept.catalog;
    this.remember(shop, entry);
    return entry;
  }

  private remember(shop: string, entry: Entry) {
    this.entries.delete(shop);
    this.entries.set(shop, entry);
    while (this.entries.size > this.options.maxShops) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private async loadCatalog(shop: string): Promise<ShopCatalog> {
    const [offerRows, experimentRows] = await Promise.all([
      this.runner.read({ sql: OFFERS, args: [shop] }),
      this.runner.read({ sql: EXPERIMENTS, args: [shop] }),
    ]);
    return {
      offers: new Map(offerRows.map((row) => [String(row.id), row.status as OfferStatus])),
      experiments: new Map(
        experimentRows.map((row) => [
          String(row.key),
          {
            key: String(row.key),
            offerId: String(row.offer_id),
            seed: String(row.seed),
            coverage: Number(row.coverage),
            arms: JSON.parse(String(row.arms)) as ArmColumn[],
          },
        ]),
      ),
    };
  }
}

const caches = new WeakMap<AppContext, ShopCache>();

/** The process's shop cache (one per app context, so tests stay isolated). */
export function shopCacheFor(ctx: AppContext): ShopCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new ShopCache(sqlRunnerFor(ctx.dbClient), {
      recheckMs: SHOP_STATE_RECHECK_MS,
      catalogMaxAgeMs: 60_000,
      maxShops: 10_000,
      now: () => Date.now(),
      ...ctx.shopCache,
    });
    caches.set(ctx, cache);
  }
  return cache;
}
