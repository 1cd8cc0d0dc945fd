import type { z } from 'zod';
import { DomainError } from './domain-error.js';

/**
 * A signed webhook payload that can never be accepted, however often Shopify delivers it: a shape
 * that fails validation, money that does not parse, a quantity out of range. The webhook route
 * quarantines it rather than answering an error Shopify would retry for two days
 * (docs/architecture.md, "Failure modes"). The message names the field and the rule, never the
 * field's value: payloads carry shopper PII.
 */
export class InvalidPayloadError extends DomainError {
  constructor(code: string, message: string) {
    super('unprocessable', code, message);
    this.name = 'InvalidPayloadError';
  }
}

/** Parses a webhook payload with a zod schema or throws InvalidPayloadError naming the field. */
export function parsePayload<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InvalidPayloadError(code, `${where}${issue?.message ?? 'invalid payload'}`);
  }
  return result.data;
}
