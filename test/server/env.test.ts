import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from '../../server/env.js';

const creds = {
  SHOPIFY_API_KEY: 'key',
  SHOPIFY_API_SECRET: 'secret',
  SHOPIFY_APP_URL: 'https://closer.example.com/',
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
});
