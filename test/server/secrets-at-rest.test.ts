import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { Session } from '@shopify/shopify-api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shopifySessions } from '../../drizzle/schema.js';
import { openDatabase } from '../../server/db/client.js';
import { parseEnv } from '../../server/env.js';
import {
  createSessionStorage,
  DEMO_TOKEN_KEY_FILE,
  resolveTokenKeys,
} from '../../server/shopify/session-storage.js';
import { createTokenCipher } from '../../server/shopify/token-cipher.js';
import { startDemoServer } from '../helpers/demo-server.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newKey = () => randomBytes(32).toString('base64');
const OFFLINE_A = `offline_${SHOP_A}`;

async function rawRow(t: TestApp, shop: string) {
  const row = await t.db.query.shopifySessions.findFirst({
    where: eq(shopifySessions.shop, shop),
  });
  if (!row) throw new Error(`no session row for ${shop}`);
  return row;
}

function sessionFor(shop: string, accessToken: string, refreshToken: string) {
  return new Session({
    id: `offline_${shop}`,
    shop,
    state: '',
    isOnline: false,
    scope: 'read_products',
    expires: new Date(Date.now() + 3_600_000),
    accessToken,
    refreshToken,
    refreshTokenExpires: new Date(Date.now() + 86_400_000),
  });
}

describe('offline tokens at rest', () => {
  let t: TestApp;
  const keyA = newKey();
  beforeAll(async () => {
    t = await createTestApp();
    t.ctx.sessionStorage = createSessionStorage(t.db, { current: keyA }, t.ctx.logger);
    await t.install(SHOP_A);
  });
  afterAll(() => t.close());

  test('the stored row holds sealed access and refresh tokens, the app still uses them', async () => {
    const row = await rawRow(t, SHOP_A);
    expect(row.accessToken).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(row.refreshToken).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(row.accessToken).not.toContain('shpat_');
    expect(row.refreshToken).not.toContain('shprt_');
    const loaded = await t.ctx.sessionStorage.loadSession(OFFLINE_A);
    expect(loaded?.accessToken).toMatch(/^shpat_/);
    expect(loaded?.refreshToken).toMatch(/^shprt_/);
    // The emulator accepts only the real token, so this proves the round trip end to end.
    const res = await t.app.request('/api/admin/products?query=tote', {
      headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
    });
    expect(res.status).toBe(200);
  });

  test('storing does not alter the session object the caller holds', async () => {
    const session = sessionFor(SHOP_B, 'shpat_caller_copy', 'shprt_caller_copy');
    await t.ctx.sessionStorage.storeSession(session);
    expect(session.accessToken).toBe('shpat_caller_copy');
    expect((await rawRow(t, SHOP_B)).accessToken).not.toContain('shpat_caller_copy');
    await t.ctx.sessionStorage.deleteSession(session.id);
  });

  test('each write uses a fresh IV: the same token never seals to the same text', async () => {
    const cipher = createTokenCipher({ current: keyA });
    expect(cipher.seal('shpat_x', 'ctx')).not.toBe(cipher.seal('shpat_x', 'ctx'));
  });

  test('a sealed token moved to another shop’s row does not open there', async () => {
    const rowA = await rawRow(t, SHOP_A);
    await t.ctx.sessionStorage.storeSession(sessionFor(SHOP_B, 'shpat_b', 'shprt_b'));
    await t.db
      .update(shopifySessions)
      .set({ accessToken: rowA.accessToken })
      .where(eq(shopifySessions.shop, SHOP_B));
    expect(await t.ctx.sessionStorage.loadSession(`offline_${SHOP_B}`)).toBeUndefined();
    expect(t.logLines.join('\n')).not.toContain(rowA.accessToken);
    await t.ctx.sessionStorage.deleteSession(`offline_${SHOP_B}`);
  });

  test('findSessionsByShop opens the tokens too', async () => {
    const [found] = await t.ctx.sessionStorage.findSessionsByShop(SHOP_A);
    expect(found?.accessToken).toMatch(/^shpat_/);
  });
});

describe('key rotation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('with the old key as previous, old rows still open and are resealed under the new key', async () => {
    const oldKey = newKey();
    const freshKey = newKey();
    const before = createSessionStorage(t.db, { current: oldKey }, t.ctx.logger);
    await before.storeSession(sessionFor(SHOP_A, 'shpat_rotated', 'shprt_rotated'));
    const oldId = createTokenCipher({ current: oldKey }).currentKeyId;
    const newId = createTokenCipher({ current: freshKey }).currentKeyId;
    expect((await rawRow(t, SHOP_A)).accessToken).toContain(`enc:v1:${oldId}:`);

    const rotated = createSessionStorage(
      t.db,
      { current: freshKey, previous: oldKey },
      t.ctx.logger,
    );
    const loaded = await rotated.loadSession(OFFLINE_A);
    expect(loaded?.accessToken).toBe('shpat_rotated');
    expect(loaded?.refreshToken).toBe('shprt_rotated');
    const row = await rawRow(t, SHOP_A);
    expect(row.accessToken).toContain(`enc:v1:${newId}:`);
    expect(row.refreshToken).toContain(`enc:v1:${newId}:`);

    // Once rewritten, the previous key can be dropped.
    const retired = createSessionStorage(t.db, { current: freshKey }, t.ctx.logger);
    expect((await retired.loadSession(OFFLINE_A))?.accessToken).toBe('shpat_rotated');
  });

  test('a row no configured key opens is treated as absent, and the log says which key id', async () => {
    await createSessionStorage(t.db, { current: newKey() }, t.ctx.logger).storeSession(
      sessionFor(SHOP_A, 'shpat_lost', 'shprt_lost'),
    );
    const wrong = createSessionStorage(t.db, { current: newKey() }, t.ctx.logger);
    t.logLines.length = 0;
    expect(await wrong.loadSession(OFFLINE_A)).toBeUndefined();
    const line = JSON.parse(t.logLines.at(-1) ?? '{}');
    expect(line.msg).toContain('cannot be opened');
    expect(line.reason).toMatch(/no configured token key has id [0-9a-f]{8}/);
    expect(t.logLines.join('\n')).not.toContain('shpat_lost');
  });

  test('a plaintext row written before encryption is read, then sealed', async () => {
    await t.db.delete(shopifySessions).where(eq(shopifySessions.shop, SHOP_A));
    await t.db.insert(shopifySessions).values({
      id: OFFLINE_A,
      shop: SHOP_A,
      state: '',
      isOnline: false,
      accessToken: 'shpat_legacy',
      refreshToken: 'shprt_legacy',
    });
    const storage = createSessionStorage(t.db, { current: newKey() }, t.ctx.logger);
    expect((await storage.loadSession(OFFLINE_A))?.accessToken).toBe('shpat_legacy');
    const row = await rawRow(t, SHOP_A);
    expect(row.accessToken).toMatch(/^enc:v1:/);
    expect(row.refreshToken).toMatch(/^enc:v1:/);
  });
});

describe('the real server', () => {
  test('demo mode seals tokens with a key kept 0600 beside the demo secrets', async () => {
    const demo = await startDemoServer('closer-secrets-demo-');
    try {
      const client = createClient({ url: `file:${join(demo.dataDir, 'closer.db')}` });
      const rows = await client.execute('select accessToken, refreshToken from shopify_sessions');
      client.close();
      expect(rows.rows).toHaveLength(1);
      expect(String(rows.rows[0]?.accessToken)).toMatch(/^enc:v1:/);
      expect(String(rows.rows[0]?.accessToken)).not.toContain('shpat_');
      expect(String(rows.rows[0]?.refreshToken)).not.toContain('shprt_');
      expect(statSync(join(demo.dataDir, DEMO_TOKEN_KEY_FILE)).mode & 0o777).toBe(0o600);
    } finally {
      await demo.close();
    }
  });
});

describe('the key setting', () => {
  const creds = {
    SHOPIFY_API_KEY: 'key',
    SHOPIFY_API_SECRET: 'secret',
    SHOPIFY_APP_URL: 'https://closer.example.com',
  };
  const problemsOf = (source: Record<string, string>) => {
    try {
      parseEnv(source);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  test('Shopify mode refuses to start without a key', () => {
    expect(problemsOf(creds)).toContain('TOKEN_ENCRYPTION_KEY');
  });

  test('a key that is not 32 bytes of base64 is refused, without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    const message = problemsOf({ ...creds, TOKEN_ENCRYPTION_KEY: short });
    expect(message).toContain('TOKEN_ENCRYPTION_KEY');
    expect(message).not.toContain(short);
    expect(problemsOf({ ...creds, TOKEN_ENCRYPTION_KEY: 'not base64!' })).toContain('32 random');
    expect(
      problemsOf({ ...creds, TOKEN_ENCRYPTION_KEY: newKey(), TOKEN_ENCRYPTION_KEY_PREVIOUS: 'x' }),
    ).toContain('TOKEN_ENCRYPTION_KEY_PREVIOUS');
  });

  test('the current and previous keys reach the app', () => {
    const current = newKey();
    const previous = newKey();
    const env = parseEnv({
      ...creds,
      TOKEN_ENCRYPTION_KEY: current,
      TOKEN_ENCRYPTION_KEY_PREVIOUS: previous,
    });
    expect(resolveTokenKeys(env)).toEqual({ current, previous });
  });

  test('demo mode without a key generates one once, 0600, and reuses it', () => {
    const dataDir = join(dir, 'demo-data');
    const env = parseEnv({ DATA_DIR: dataDir });
    const first = resolveTokenKeys(env);
    expect(Buffer.from(first.current, 'base64')).toHaveLength(32);
    expect(statSync(join(dataDir, DEMO_TOKEN_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveTokenKeys(env)).toEqual(first);
  });
});

describe('database files', () => {
  test('a new database file and its WAL and shared-memory files are 0600', async () => {
    const path = join(dir, 'fresh', 'closer.db');
    const handle = await openDatabase(`file:${path}`);
    await handle.client.execute('create table if not exists probe (x)');
    await handle.client.execute('insert into probe values (1)');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
    }
    expect(statSync(join(dir, 'fresh')).mode & 0o777).toBe(0o700);
    handle.close();
  });

  test('a database file left readable by others is tightened when opened', async () => {
    const path = join(dir, 'loose.db');
    writeFileSync(path, '', { mode: 0o644 });
    const handle = await openDatabase(`file:${path}`);
    handle.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
