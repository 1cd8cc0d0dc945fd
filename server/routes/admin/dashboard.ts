import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { buildDashboard } from '../../domain/dashboard.js';
import { dashboardQuerySchema, resolveRange } from '../../domain/dashboard-range.js';
import { parseOrThrow } from '../../http/validate.js';

/**
 * `GET /api/admin/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, both included; the last 30
 * days when omitted): the home page's totals, funnels and setup checklist for the token's shop.
 */
export function createDashboardRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = parseOrThrow(dashboardQuerySchema, c.req.query(), 'invalid_query');
    const now = Date.now();
    return c.json(await buildDashboard(ctx, c.get('shop'), resolveRange(query, now), now));
  });
}
