import { z } from 'zod';

const healthSchema = z.object({ status: z.string(), mode: z.string() });
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Asks `/health` before anything else, so a missing or wrong server is named with what to do
 * about it rather than surfacing as fetch's bare "fetch failed" after retries.
 */
export async function checkDemoServer(baseUrl: string, urlGiven: boolean): Promise<void> {
  const start = urlGiven
    ? 'Is it running?'
    : 'Start the demo server in another terminal with `npm start` (it listens on port 3000 unless PORT is set), or pass --url with the address it printed.';
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = describeCause(error);
    throw new Error(
      `No Closer server answered at ${baseUrl}${cause ? ` (${cause})` : ''}. ${start}`,
    );
  }
  const health = healthSchema.safeParse(await res.json().catch(() => null));
  if (!res.ok || !health.success) {
    throw new Error(
      `${baseUrl}/health answered ${res.status} without Closer's health answer: is --url the Closer server? ${start}`,
    );
  }
  if (health.data.mode !== 'demo') {
    throw new Error(
      `The server at ${baseUrl} runs in ${health.data.mode} mode. The simulator signs Shopify's requests with the demo shop's secrets (data/demo-shop.json), so it needs a demo server: \`npm start\` with no SHOPIFY_* variables set.`,
    );
  }
}

/** ECONNREFUSED, a timeout, a DNS failure: the part of fetch's error a person can act on. */
function describeCause(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within 5 s';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : '');
}
