import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from '../../server/env.js';

const creds = {
  SHOPIFY_API_KEY: 'key',
  SHOPIFY_API_SECRET: 'secret',
  SHOPIFY_APP_URL: 'https://closer.example.com/',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('environment parsing', () => {
  test('no credentials means demo mode on loopback with defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      mode: 'demo',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: 'file:data/closer.db',
      shopify: undefined,
    });
  });

  test('all three credentials mean Shopify mode, and the app URL loses its trailing slash', () => {
    const env = parseEnv(creds);
    expect(env.mode).toBe('shopify');
    expect(env.host).toBe('0.0.0.0');
    expect(env.shopify).toEqual({
      apiKey: 'key',
      apiSecret: 'secret',
      appUrl: 'https://closer.example.com',
    });
  });

  test('a partial set of credentials refuses to boot, naming the rule', () => {
    const problems = problemsOf({ SHOPIFY_API_KEY: 'key' });
    expect(problems.join('\n')).toContain(
      'SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL',
    );
  });

  test('demo mode refuses a non-loopback host', () => {
    expect(problemsOf({ HOST: '0.0.0.0' }).join('\n')).toContain('loopback');
    expect(parseEnv({ HOST: 'localhost' }).host).toBe('localhost');
    expect(parseEnv({ ...creds, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  test('bad values are reported per variable in one readable message', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment:/);
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('LOG_LEVEL');
  });

  test('empty strings count as unset', () => {
    expect(parseEnv({ SHOPIFY_API_KEY: '', PORT: '' }).mode).toBe('demo');
  });

  test('a remote libSQL URL and its token are accepted', () => {
    const env = parseEnv({ DATABASE_URL: 'libsql://closer.turso.io', DATABASE_AUTH_TOKEN: 't' });
    expect(env.databaseUrl).toBe('libsql://closer.turso.io');
    expect(env.databaseAuthToken).toBe('t');
  });

  test('demo mode refuses NODE_ENV=production, naming the fix', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    expect(problems).toContain('NODE_ENV');
    expect(problems).toContain('SHOPIFY_API_KEY');
    expect(parseEnv({ ...creds, NODE_ENV: 'production' }).mode).toBe('shopify');
    expect(parseEnv({ NODE_ENV: 'development' }).mode).toBe('demo');
  });
});

describe('the process entry point', () => {
  test('exits 1 under NODE_ENV=production without credentials, before creating any demo state', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closer-env-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: resolve(import.meta.dirname, '../..'),
        env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('refuses to start with NODE_ENV=production');
      expect(result.stdout).not.toContain('DEMO mode');
      expect(existsSync(join(dataDir, 'demo-shop.json'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
