import type { z } from 'zod';
import { ApiError } from './errors.js';

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

/** Reads a JSON body or throws a 400 with code `malformed_json`. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', 'Request body is not valid JSON.');
  }
}
