import { z } from 'zod';

/**
 * The only module that reads the environment. Everything else receives a parsed `Env`.
 *
 * Mode is derived, never configured: with all three Shopify credentials set the app talks to
 * Shopify; with none of them it runs in demo mode against the in-process emulator. A partial
 * set is a configuration mistake and refuses to boot, so demo mode can never be on by accident
 * in production.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

const tokenKey = z
  .string()
  .refine(
    (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
    'must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|libsql:|https?:|wss?:|:memory:)/,
        'must start with file:, libsql:, http(s): or :memory:',
      )
      .default('file:data/closer.db'),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('data'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    SHOPIFY_API_KEY: z.string().min(1).optional(),
    SHOPIFY_API_SECRET: z.string().min(1).optional(),
    SHOPIFY_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Seals Shopify access/refresh tokens at rest; the previous key only opens old rows. */
    TOKEN_ENCRYPTION_KEY: tokenKey.optional(),
    TOKEN_ENCRYPTION_KEY_PREVIOUS: tokenKey.optional(),
    /** The header the one trusted proxy in front sets to the client's address (rate limits). */
    TRUSTED_PROXY_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name, e.g. x-forwarded-for or fly-client-ip')
      .transform((name) => name.toLowerCase())
      .optional(),
    SCOPES: z
      .string()
      .default(
        'read_products,read_orders,write_discounts,read_discounts,write_pixels,read_customer_events,read_locales',
      ),
  })
  .superRefine((env, ctx) => {
    const creds = [env.SHOPIFY_API_KEY, env.SHOPIFY_API_SECRET, env.SHOPIFY_APP_URL];
    const set = creds.filter((value) => value !== undefined).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHOPIFY_API_KEY'],
        message:
          'set all of SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL (Shopify mode) or none of them (demo mode)',
      });
    }
    if (set === 3 && env.TOKEN_ENCRYPTION_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOKEN_ENCRYPTION_KEY'],
        message:
          'required with Shopify credentials: 32 random bytes, base64 (openssl rand -base64 32)',
      });
    }
    if (set === 0 && env.HOST !== undefined && !LOOPBACK_HOSTS.has(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `demo mode binds to loopback only; HOST=${env.HOST} is not allowed without Shopify credentials`,
      });
    }
    // Demo mode hands out admin tokens to anyone on loopback; a production deploy that lost its
    // credentials must stop, not quietly become a demo.
    if (set === 0 && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['NODE_ENV'],
        message:
          'demo mode (no Shopify credentials) refuses to start with NODE_ENV=production; set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL',
      });
    }
  });

export type AppMode = 'shopify' | 'demo';

export interface Env {
  mode: AppMode;
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  scopes: string[];
  /** Present in Shopify mode only; demo credentials come from `data/demo-shop.json`. */
  shopify: { apiKey: string; apiSecret: string; appUrl: string } | undefined;
  /** Required in Shopify mode; in demo mode, absent means a key kept in the data folder. */
  tokenKeys: { current: string; previous: string | undefined } | undefined;
  /** Header naming the client's address, set by a trusted proxy; absent: the socket address. */
  trustedProxyHeader: string | undefined;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" — that is how most process managers pass a blank variable.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const shopify =
    env.SHOPIFY_API_KEY && env.SHOPIFY_API_SECRET && env.SHOPIFY_APP_URL
      ? {
          apiKey: env.SHOPIFY_API_KEY,
          apiSecret: env.SHOPIFY_API_SECRET,
          appUrl: env.SHOPIFY_APP_URL.replace(/\/$/, ''),
        }
      : undefined;
  const mode: AppMode = shopify ? 'shopify' : 'demo';
  return {
    mode,
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (mode === 'demo' ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: env.DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    scopes: env.SCOPES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    shopify,
    tokenKeys: env.TOKEN_ENCRYPTION_KEY
      ? { current: env.TOKEN_ENCRYPTION_KEY, previous: env.TOKEN_ENCRYPTION_KEY_PREVIOUS }
      : undefined,
    trustedProxyHeader: env.TRUSTED_PROXY_HEADER,
  };
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
