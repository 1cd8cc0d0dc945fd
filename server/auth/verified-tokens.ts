/**
 * Session tokens already verified, kept until their `exp`. A checkout extension reuses its token
 * for every batch it sends, so verifying it once (signature, claims, lifetime: session-token.ts)
 * is enough: the same string verifies the same way until it expires. After `exp` the entry is
 * dropped and the token verified again, so the library's clock tolerance applies as before.
 * Bounded: past `maxTokens` the least recently used is forgotten.
 */
export class VerifiedTokens<T> {
  private readonly tokens = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(
    private readonly maxTokens = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const kept = this.tokens.get(token);
    if (!kept) return undefined;
    this.tokens.delete(token);
    if (kept.expiresAtMs <= this.now()) return undefined;
    // Re-inserted: the map's order is least recently used first.
    this.tokens.set(token, kept);
    return kept.value;
  }

  /** Keeps a verified token until `expSeconds` (its `exp` claim). */
  set(token: string, value: T, expSeconds: number) {
    const expiresAtMs = expSeconds * 1000;
    if (!(expiresAtMs > this.now())) return;
    this.tokens.delete(token);
    this.tokens.set(token, { value, expiresAtMs });
    while (this.tokens.size > this.maxTokens) {
      const oldest = this.tokens.keys().next().value;
      if (oldest === undefined) break;
      this.tokens.delete(oldest);
    }
  }

  get size(): number {
    return this.tokens.size;
  }
}
