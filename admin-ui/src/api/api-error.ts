/** An error the UI can show: `code` to branch on, `message` safe for a merchant to read. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

const GENERIC_MESSAGE = 'Something went wrong. Try again in a moment.';

/** Reads the server's `{error:{code,message,requestId}}` body; anything else gets a generic error. */
export async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crashed server can answer with HTML; the status still says what happened.
  }
  const error = readErrorField(body);
  return new ApiRequestError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? GENERIC_MESSAGE,
    error?.requestId ?? null,
  );
}

function readErrorField(
  body: unknown,
): { code: string; message: string; requestId?: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return null;
  if (!('code' in error) || typeof error.code !== 'string') return null;
  if (!('message' in error) || typeof error.message !== 'string') return null;
  const requestId =
    'requestId' in error && typeof error.requestId === 'string' ? error.requestId : undefined;
  return { code: error.code, message: error.message, requestId };
}

export function toErrorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return GENERIC_MESSAGE;
}
