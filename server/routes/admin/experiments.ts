import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../app-context.js';
import { buildExperimentReport } from '../../domain/experiment-report.js';
import { toReportCsv } from '../../domain/report-csv.js';
import { getShop } from '../../domain/shops.js';
import { parseOrThrow } from '../../http/validate.js';
import { DEFAULT_ALPHA } from '../../stats/index.js';

const reportQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    engine: z.enum(['frequentist', 'bayesian']).optional(),
    sequential: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** Experiment reports; the engine and sequential mode default to the shop's settings. */
export function createExperimentRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/:key/report', async (c) => {
    const query = parseOrThrow(reportQuery, c.req.query(), 'invalid_query');
    const shop = c.get('shop');
    const settings = (await getShop(ctx.db, shop))?.settings;
    const report = await buildExperimentReport(ctx, shop, c.req.param('key'), {
      engine: query.engine ?? settings?.statsEngine ?? 'frequentist',
      sequential: query.sequential ? query.sequential === 'true' : (settings?.sequential ?? true),
      alpha: DEFAULT_ALPHA,
    });
    if (query.format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="closer-${report.experimentKey}.csv"`);
      return c.body(toReportCsv(report));
    }
    return c.json(report);
  });
}
