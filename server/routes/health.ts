import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { isDatabaseReachable } from '../db/client.js';
import { errorBody } from '../http/errors.js';

/** `/health` says the process is alive; `/ready` says it can serve (the database answers). */
export function createHealthRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok', mode: ctx.mode }))
    .get('/ready', async (c) => {
      if (await isDatabaseReachable(ctx.dbClient)) return c.json({ status: 'ready' });
      return c.json(errorBody(c, 'database_unreachable', 'The database does not answer.'), 503);
    });
}
