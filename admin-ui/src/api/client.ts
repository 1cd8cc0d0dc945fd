import { ApiRequestError, toApiRequestError } from './api-error.js';
import { readAppBridge } from './app-bridge.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface ApiClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  /** Returns an App Bridge id token; called before every attempt so a retry gets a fresh one. */
  idToken: () => Promise<string>;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
  /**
   * A file answer (e.g. a CSV export) as a Blob. A plain link cannot carry the bearer token, so
   * downloads go through the client like any other call.
   */
  download(path: string): Promise<Blob>;
}

/** Shopify's signal that the id token was stale and a retry with a new one may succeed. */
export const RETRY_HEADER = 'X-Shopify-Retry-Invalid-Session-Request';

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function send(
    method: HttpMethod,
    path: string,
    body: unknown,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: accept,
      Authorization: `Bearer ${await options.idToken()}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await options.fetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(
        0,
        'network_error',
        'Could not reach Closer. Check your connection and try again.',
      );
    }
  }

  async function sendOk(
    method: HttpMethod,
    path: string,
    body: unknown,
    accept: string,
  ): Promise<Response> {
    let response = await send(method, path, body, accept);
    // Once only: a second 401 means the session is really invalid, not merely stale.
    if (response.status === 401 && response.headers.get(RETRY_HEADER) === '1') {
      response = await send(method, path, body, accept);
    }
    if (!response.ok) throw await toApiRequestError(response);
    return response;
  }

  return {
    async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
      const response = await sendOk(method, path, body, 'application/json');
      if (response.status === 204) return undefined as T;
      // The server is the contract's owner; its JSON is trusted to match docs/api.md.
      return (await response.json()) as T;
    },
    async download(path: string): Promise<Blob> {
      const response = await sendOk('GET', path, undefined, '*/*');
      return response.blob();
    },
  };
}

function idTokenFromAppBridge(): Promise<string> {
  const bridge = readAppBridge();
  if (!bridge) {
    return Promise.reject(
      new ApiRequestError(0, 'app_bridge_missing', 'Open Closer from your Shopify admin.'),
    );
  }
  return bridge.idToken();
}

let defaultClient: ApiClient | null = null;

/** The client the pages use: same-origin admin API, tokens from App Bridge. */
export function getApiClient(): ApiClient {
  defaultClient ??= createApiClient({
    baseUrl: '/api/admin',
    fetch: (input, init) => globalThis.fetch(input, init),
    idToken: idTokenFromAppBridge,
  });
  return defaultClient;
}
