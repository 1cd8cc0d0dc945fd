import { describe, expect, test } from 'vitest';
import { ApiRequestError } from '../../admin-ui/src/api/api-error.js';
import { createApiClient, RETRY_HEADER } from '../../admin-ui/src/api/client.js';

interface Call {
  url: string;
  method: string | undefined;
  authorization: string | null;
  contentType: string | null;
  body: string | null;
}

/** A fetch that answers from a script of responses and records what it was asked. */
function scriptedFetch(responses: Array<() => Response>) {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(input),
      method: init?.method,
      authorization: headers.get('Authorization'),
      contentType: headers.get('Content-Type'),
      body: typeof init?.body === 'string' ? init.body : null,
    });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  };
  return { fetch, calls };
}

function tokens() {
  let issued = 0;
  return async () => {
    issued += 1;
    return `token-${issued}`;
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });

const staleSession = json(
  401,
  { error: { code: 'unauthorized', message: 'Session expired', requestId: 'r1' } },
  { [RETRY_HEADER]: '1' },
);

describe('admin API client', () => {
  test('sends the App Bridge id token as a bearer token', async () => {
    const { fetch, calls } = scriptedFetch([json(200, { ok: true })]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    await expect(client.request('GET', '/shop')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: '/api/admin/shop',
      method: 'GET',
      authorization: 'Bearer token-1',
      contentType: null,
    });
  });

  test('sends a JSON body with its content type', async () => {
    const { fetch, calls } = scriptedFetch([json(201, { offer: { id: 'o1' } })]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    await client.request('POST', '/offers', { name: 'Socks' });
    expect(calls[0]?.contentType).toBe('application/json');
    expect(calls[0]?.body).toBe('{"name":"Socks"}');
  });

  test('retries once with a fresh token when the server asks for it', async () => {
    const { fetch, calls } = scriptedFetch([staleSession, json(200, { offers: [] })]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    await expect(client.request('POST', '/offers/o1/pause')).resolves.toEqual({ offers: [] });
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(calls[1]?.method).toBe('POST');
  });

  test('gives up after one retry and surfaces the server error', async () => {
    const { fetch, calls } = scriptedFetch([staleSession, staleSession, staleSession]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    const error = await client.request('GET', '/shop').catch((caught: unknown) => caught);
    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'Session expired',
      requestId: 'r1',
    });
  });

  test('does not retry a 401 without the retry header', async () => {
    const { fetch, calls } = scriptedFetch([
      json(401, { error: { code: 'unauthorized', message: 'No', requestId: 'r2' } }),
    ]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    await expect(client.request('GET', '/shop')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  test('surfaces code and message from a 400 error body', async () => {
    const { fetch } = scriptedFetch([
      json(400, {
        error: { code: 'invalid_offer', message: 'holdout: Too big', requestId: 'r3' },
      }),
    ]);
    const client = createApiClient({ baseUrl: '', fetch, idToken: tokens() });
    await expect(client.request('PATCH', '/offers/o1', {})).rejects.toMatchObject({
      status: 400,
      code: 'invalid_offer',
      message: 'holdout: Too big',
    });
  });

  test('turns a body that is not the error contract into a generic error', async () => {
    const { fetch } = scriptedFetch([() => new Response('<h1>Bad gateway</h1>', { status: 502 })]);
    const client = createApiClient({ baseUrl: '', fetch, idToken: tokens() });
    await expect(client.request('GET', '/shop')).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });

  test('reports a failed connection as a network error', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createApiClient({ baseUrl: '', fetch, idToken: tokens() });
    await expect(client.request('GET', '/shop')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });

  test('downloads a file with the bearer token and hands back its body', async () => {
    const { fetch, calls } = scriptedFetch([
      () => new Response('arm,units\nholdout,3\n', { headers: { 'Content-Type': 'text/csv' } }),
    ]);
    const client = createApiClient({ baseUrl: '/api/admin', fetch, idToken: tokens() });
    const blob = await client.download('/experiments/e1/report?format=csv');
    expect(await blob.text()).toBe('arm,units\nholdout,3\n');
    expect(calls[0]).toMatchObject({
      url: '/api/admin/experiments/e1/report?format=csv',
      method: 'GET',
      authorization: 'Bearer token-1',
    });
  });

  test('retries a stale download once and surfaces a failed one as an API error', async () => {
    const { fetch, calls } = scriptedFetch([
      staleSession,
      json(404, {
        error: { code: 'experiment_not_found', message: 'No experiment', requestId: 'r4' },
      }),
    ]);
    const client = createApiClient({ baseUrl: '', fetch, idToken: tokens() });
    await expect(client.download('/experiments/x/report?format=csv')).rejects.toMatchObject({
      status: 404,
      code: 'experiment_not_found',
    });
    expect(calls).toHaveLength(2);
  });
});
