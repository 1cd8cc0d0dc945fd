import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import { DrizzleSessionStorageSQLite } from '@shopify/shopify-app-session-storage-drizzle';
import { shopifySessions } from '../../drizzle/schema.js';
import type { Database } from '../db/client.js';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import { EncryptedSessionStorage } from './encrypted-session-storage.js';
import { createTokenCipher, generateTokenKey, type TokenKeys } from './token-cipher.js';

/** Where demo mode keeps its generated key, beside `demo-shop.json` and as private. */
export const DEMO_TOKEN_KEY_FILE = 'demo-token-key';

/** The offline-session store: Shopify's drizzle storage, with tokens sealed at rest. */
export function createSessionStorage(
  db: Database,
  keys: TokenKeys,
  logger: Logger,
): SessionStorage {
  return new EncryptedSessionStorage(
    new DrizzleSessionStorageSQLite(db, shopifySessions),
    createTokenCipher(keys),
    logger,
  );
}

/**
 * The configured keys; in demo mode without one, a key generated on first start and kept in the
 * data folder (0600) so the demo database stays readable across restarts.
 */
export function resolveTokenKeys(env: Env): TokenKeys {
  if (env.tokenKeys) return env.tokenKeys;
  if (env.mode !== 'demo') throw new Error('TOKEN_ENCRYPTION_KEY is required in Shopify mode');
  const path = resolve(env.dataDir, DEMO_TOKEN_KEY_FILE);
  try {
    return { current: readFileSync(path, 'utf8').trim() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  const current = generateTokenKey();
  // 'wx': if another process created the file meanwhile, fail rather than replace its key.
  writeFileSync(path, `${current}\n`, { mode: 0o600, flag: 'wx' });
  return { current };
}
