import type { z } from 'zod';
import { ApiError } from './errors.js';
import { isJsonDeeperThan, MAX_JSON_DEPTH } from './json-depth.js';

/** Parses input with a zod schema or throws a 400 that names the first offending field. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code = 'invalid_request',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ApiError(400, code, `${where}${issue?.message ?? 'invalid input'}`);
  }
  return result.data;
}

/** Reads a JSON body or throws a 400: `malformed_json`, or `json_too_deep` past MAX_JSON_DEPTH. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', 'Request body is not valid JSON.');
  }
  if (isJsonDeeperThan(text)) {
    throw new ApiError(
      400,
      'json_too_deep',
      `Request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  }
  return body;
}
