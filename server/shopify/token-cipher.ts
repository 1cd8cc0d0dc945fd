import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the Shopify tokens we keep at rest. A stored value reads
 * `enc:v1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>`: the key id says which key sealed it, so
 * a rotated-out key can still open old rows while every new write uses the current key. The
 * associated data binds a value to its row and field, so a ciphertext copied into another
 * shop's row (or from refreshToken to accessToken) does not open.
 */
const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TokenKeys {
  /** Base64 of 32 random bytes; seals every write. */
  current: string;
  /** The key before the last rotation; opens rows not yet rewritten. */
  previous?: string | undefined;
}

export class TokenKeyError extends Error {
  override readonly name = 'TokenKeyError';
}

interface Key {
  id: string;
  secret: Buffer;
}

function toKey(base64: string): Key {
  const secret = Buffer.from(base64, 'base64');
  if (secret.length !== 32) throw new TokenKeyError('a token key must be 32 bytes, base64-encoded');
  // A short, non-secret fingerprint: enough to pick among two keys, useless to recover one.
  const id = createHash('sha256').update('closer-token-key:').update(secret).digest('hex');
  return { id: id.slice(0, 8), secret };
}

export function generateTokenKey(): string {
  return randomBytes(32).toString('base64');
}

export interface OpenedToken {
  value: string;
  /** Sealed under a key other than the current one, or not sealed at all (written before). */
  stale: boolean;
}

export interface TokenCipher {
  readonly currentKeyId: string;
  seal(value: string, context: string): string;
  /** Throws TokenKeyError when no configured key opens the value. */
  open(stored: string, context: string): OpenedToken;
}

export function createTokenCipher(keys: TokenKeys): TokenCipher {
  const current = toKey(keys.current);
  const byId = new Map([[current.id, current]]);
  if (keys.previous) {
    const previous = toKey(keys.previous);
    if (!byId.has(previous.id)) byId.set(previous.id, previous);
  }

  return {
    currentKeyId: current.id,

    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.secret, iv, {
        authTagLength: TAG_BYTES,
      });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      const packed = Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
      return `${PREFIX}${current.id}:${packed}`;
    },

    open(stored, context) {
      // Rows written before encryption existed hold the bare token; the next write seals it.
      if (!stored.startsWith(PREFIX)) return { value: stored, stale: true };
      const [keyId = '', packed = ''] = stored.slice(PREFIX.length).split(':');
      const key = byId.get(keyId);
      if (!key) throw new TokenKeyError(`no configured token key has id ${keyId}`);
      const bytes = Buffer.from(packed, 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new TokenKeyError('sealed token is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key.secret, bytes.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        const value = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
        return { value, stale: key.id !== current.id };
      } catch {
        throw new TokenKeyError(`sealed token does not open under key ${keyId}`);
      }
    },
  };
}
