import { Session } from '@shopify/shopify-api';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import type { Logger } from '../logger.js';
import { type TokenCipher, TokenKeyError } from './token-cipher.js';

/**
 * A SessionStorage that seals the access and refresh tokens before the wrapped storage writes
 * them and opens them after it reads, so `shopify_sessions` never holds a usable token. A row
 * sealed under the previous key (or written before encryption) is rewritten under the current
 * key the first time it is read, which is what lets the previous key be retired.
 */
export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly cipher: TokenCipher,
    private readonly logger: Logger,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(this.seal(session));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    if (!stored) return undefined;
    const opened = this.open(stored);
    if (!opened) return undefined;
    if (opened.stale) await this.inner.storeSession(this.seal(opened.session));
    return opened.session;
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const sessions = await this.inner.findSessionsByShop(shop);
    return sessions.flatMap((stored) => {
      const opened = this.open(stored);
      return opened ? [opened.session] : [];
    });
  }

  /** A copy with sealed tokens: the caller keeps using the session it passed in. */
  private seal(session: Session): Session {
    const { accessToken, refreshToken } = session;
    return new Session({
      ...session,
      accessToken: accessToken
        ? this.cipher.seal(accessToken, `${session.id}|access`)
        : accessToken,
      refreshToken: refreshToken
        ? this.cipher.seal(refreshToken, `${session.id}|refresh`)
        : refreshToken,
    });
  }

  /**
   * A session whose tokens no configured key opens is treated as absent: the admin's next load
   * obtains a new token by token exchange, which overwrites the row. The log names the session
   * and the reason, never the stored value.
   */
  private open(stored: Session): { session: Session; stale: boolean } | undefined {
    try {
      const access = stored.accessToken
        ? this.cipher.open(stored.accessToken, `${stored.id}|access`)
        : undefined;
      const refresh = stored.refreshToken
        ? this.cipher.open(stored.refreshToken, `${stored.id}|refresh`)
        : undefined;
      return {
        session: new Session({
          ...stored,
          accessToken: access?.value ?? stored.accessToken,
          refreshToken: refresh?.value ?? stored.refreshToken,
        }),
        stale: Boolean(access?.stale || refresh?.stale),
      };
    } catch (error) {
      if (!(error instanceof TokenKeyError)) throw error;
      this.logger.error('stored Shopify token cannot be opened; session ignored', {
        session: stored.id,
        shop: stored.shop,
        reason: error.message,
      });
      return undefined;
    }
  }
}
