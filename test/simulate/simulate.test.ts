import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers } from '../../drizzle/schema.js';
import { runSimulation, SIMULATION_NAME_PREFIX } from '../../scripts/simulate/run-simulation.js';
import type { RunningServer } from '../../server/boot.js';
import { startDemoServer } from '../helpers/demo-server.js';

/*
 * The simulator against a real server over real HTTP: every event, order and refund goes through
 * the production routes (session tokens, HMACs, arm re-checks, triggers), then the report is read
 * back through the admin API. The truth is known, so the report can be checked against it.
 */
let demo: Awaited<ReturnType<typeof startDemoServer>>;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  demo = await startDemoServer('closer-simulate-');
  server = demo.server;
  dataDir = demo.dataDir;
});
afterAll(() => demo.close());

// Generous guards against a hung server, not performance assertions.
const RUN_TIMEOUT_MS = 60_000;

describe('traffic simulator against a running server', () => {
  test(
    'the report recovers the true lift and counts revenue net of refunds, arm by arm',
    async () => {
      const result = await runSimulation({
        baseUrl: server.url,
        dataDir,
        units: 3000,
        lift: 0.3,
        holdout: 0.5,
        refundRate: 0.1,
        seed: 7,
      });
      const { report, truth } = result;

      const [low, high] = report.comparisons.revenuePerUnit.ci;
      expect(low).toBeLessThanOrEqual(truth.lift);
      expect(high).toBeGreaterThanOrEqual(truth.lift);
      expect(result.checks.liftInsideCi).toBe(true);

      for (const simulated of truth.arms) {
        const reported = report.arms.find((a) => a.arm === simulated.arm);
        expect(reported?.units).toBe(simulated.units);
        expect(reported?.orders).toBe(simulated.orders);
        expect(reported?.refunds).toBe(simulated.refunds);
        expect(reported?.revenue).toBe(simulated.netRevenue);
        expect(reported?.revenue).toBe(simulated.grossRevenue - simulated.refunds);
      }
      // Refunds really happened in both arms, so "net" is not vacuous.
      expect(truth.arms.every((a) => a.refunds > 0)).toBe(true);
      expect(truth.arms.reduce((n, a) => n + a.units, 0)).toBe(3000);
      expect(report.srm.flagged).toBe(false);
      // Offer lines are attributed in the treatment only; the holdout never sees the offer.
      const holdout = report.arms.find((a) => a.holdout);
      const treatment = report.arms.find((a) => !a.holdout);
      expect(holdout?.attributedRevenue).toBe(0);
      expect(treatment?.attributedRevenue).toBeGreaterThan(0);
      // The simulator's offer is labelled as such and leaves the merchant's list when done.
      const [offer] = await server.ctx.db
        .select()
        .from(offers)
        .where(eq(offers.id, result.offerId));
      expect(offer?.name.startsWith(`${SIMULATION_NAME_PREFIX} `)).toBe(true);
      expect(offer?.status).toBe('archived');
      expect(result.archived).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    'a client that drops holdout exposures (skew) trips the sample-ratio-mismatch check',
    async () => {
      const result = await runSimulation({
        baseUrl: server.url,
        dataDir,
        // SRM needs exposures only; few orders keep the run short.
        units: 1500,
        lift: 0.3,
        holdout: 0.5,
        conversion: 0.05,
        skew: 0.3,
        seed: 11,
        keep: true,
      });
      // --keep: left active, for a merchant who wants to look at it in the admin.
      const [offer] = await server.ctx.db
        .select()
        .from(offers)
        .where(eq(offers.id, result.offerId));
      expect(offer?.status).toBe('active');
      expect(result.archived).toBe(false);
      const holdout = result.truth.arms.find((a) => a.holdout);
      expect(holdout?.droppedUnits).toBeGreaterThan(0);
      expect(result.report.arms.find((a) => a.holdout)?.units).toBe(holdout?.units);
      expect(result.report.srm.flagged).toBe(true);
      expect(result.report.warnings).toContain('srm');
    },
    RUN_TIMEOUT_MS,
  );
});
