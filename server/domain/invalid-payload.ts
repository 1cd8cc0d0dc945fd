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

/**
 * Deeper than any payload Shopify sends (an order is about eight levels). Fields that may hold any
 * JSON (note attribute and line property values) are turned into text, which recurses: a signed
 * payload nested thousands deep would exhaust the stack there and answer 500 on every retry.
 */
export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `max`. The recursion stops at
 * `max` levels, so it never goes deeper than that however deep the value is. (Recursive rather
 * than with a work list: a list of (node, depth) pairs cost five times as much per order.)
 */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  return nestsDeeper(value, 0, max);
}

function nestsDeeper(node: unknown, depth: number, max: number): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (depth >= max) return true;
  const children = Array.isArray(node) ? node : Object.values(node);
  for (let i = 0; i < children.length; i++) {
    if (nestsDeeper(children[i], depth + 1, max)) return true;
  }
  return false;
}

/** Parses a webhook payload with a zod schema or throws InvalidPayloadError naming the field. */
export function parsePayload<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: string,
): z.infer<T> {
  if (isNestedDeeperThan(input, MAX_PAYLOAD_DEPTH)) {
    throw new InvalidPayloadError(code, `nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InvalidPayloadError(code, `${where}${issue?.message ?? 'invalid payload'}`);
  }
  return result.data;
}
