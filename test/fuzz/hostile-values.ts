import fc from 'fast-check';

/**
 * Generators of hostile input: the strings, numbers, shapes and broken JSON an attacker (or a
 * buggy client) can put in a request body, a header or a URL. Endpoint fuzzers combine them with
 * a valid request of their own, so inputs reach past the first check as well as failing it.
 */

/** JSON text inserted as is: literals JavaScript cannot produce (1e400, -0, 2^53+1), deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

const raw = (text: string) => new RawJson(text);

/** Serialises like JSON.stringify (non-finite numbers become null), writing RawJson verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${members.join(',')}}`;
  }
  return 'null';
}

/** Strings that have broken parsers, databases, logs and browsers somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e400',
  '-0',
  '9007199254740993',
  '0x1F',
  '12abc',
  '-50.00',
  '1,000.00',
  ' 19.90 ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%E0%A4%A',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\uDE00\uD83D',
  '\u202Eevil.exe\u202C',
  '\u200F\u200E\u061C',
  '\uFEFF',
  '\uFFFF\uFFFE',
  'ﷺ',
  '👩‍👩‍👧‍👦',
  'Z̵̡̢̛̗̘̙̜̝̞̟̠̊̋̌̍̎̏̐̑̒̓̔',
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE offers; --',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '{{7*7}}$' + '{7*7}',
  'gid://shopify/ProductVariant/99999999999999999999',
  'gid://shopify/ProductVariant/-1',
  'shop-a.myshopify.com',
  'shop-b.myshopify.com',
  'evil.myshopify.com',
  'shop-a.myshopify.com.evil.com',
  'https://shop-a.myshopify.com/admin',
];

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const bidiChar = fc.constantFrom('\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2069');

/** Long strings, some past each endpoint's body limit (16 KB … 256 KB … 10 MB). */
const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'é', '😀', '\u202E', '\u0000', '\uD800', '<b>'),
    fc.constantFrom(300, 5_000, 20_000, 70_000),
  )
  .map(([unit, times]) => unit.repeat(times));

/** Hostile strings of ordinary length (lone surrogates, NUL, RTL, injection, numbers as text). */
export const shortHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof(loneSurrogate, controlChar, bidiChar, fc.constantFrom('a', '0', '-', '_')),
      maxLength: 16,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: shortHostileString },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers at and past every edge, including literals only raw JSON text can carry. */
export const hostileNumber: fc.Arbitrary<number | RawJson | string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      0.5,
      -0.000001,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      2 ** 53,
      2 ** 63,
      2 ** 31,
      -(2 ** 31),
      1e21,
      100_000_001,
      1_000_000_000_000,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      raw('1e400'),
      raw('-1e400'),
      raw('9007199254740993'),
      raw('-9007199254740993'),
      raw('-0'),
      raw('1e-400'),
      raw('123456789012345678901234567890'),
      raw('0.1e1'),
      raw('1E+2'),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '-0', '2', '0.5', '1e400'),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** `n` levels of arrays or objects: parsers and recursive code (stringify, join) meet their stack. */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom('array', 'object'), fc.constantFrom(50, 1_000, 20_000, 100_000))
  .map(([shape, depth]) =>
    shape === 'array'
      ? raw(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'toJSON',
    '',
    'id',
    'shop',
    'kind',
    'events',
  ),
  shortHostileString,
);

// Nested values hold several leaves: huge strings and deep nesting are rarer there, so that
// most bodies stay under the body limits and reach the code behind them.
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: shortHostileString },
  { weight: 20, arbitrary: hostileNumber },
  { weight: 5, arbitrary: fc.boolean() },
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
);

/** Any JSON value built from hostile leaves, wrong types for whatever field it replaces. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Bodies that are not JSON, or JSON no client should send. */
const MALFORMED_BODIES = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":',
  "{'a':1}",
  '{"a":1,}',
  '[1,]',
  '{"a":01}',
  '{"a":1}}',
  '{"a" 1}',
  '\uFEFF{}',
  '{"a":"\u0000"}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '/* comment */{}',
  '{"a":1}// trailing',
  'NaN',
  'undefined',
  'null',
  'true',
  '0',
  '-0',
  '1e400',
  '"just a string"',
  '[]',
  '{}',
  '[{}]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

/** Text derived from a valid body: cut short, one character replaced, or doubled. */
function corrupt(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom('truncate', 'replace', 'double'), fc.string())
    .map(([text, at, how, filler]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (how === 'truncate') return text.slice(0, i);
      if (how === 'replace') return `${text.slice(0, i)}${filler || '\u0000'}${text.slice(i + 1)}`;
      return `${text}${text}`;
    });
}

export function malformedBody(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
    { weight: 3, arbitrary: corrupt(valid) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  );
}

/** One change to a valid value: replace, delete or add a field somewhere in it, or wrap it. */
export interface Mutation {
  kind: 'set' | 'delete' | 'add' | 'wrap';
  at: number;
  key: string;
  value: unknown;
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'wrap'),
    at: fc.nat(),
    key: hostileKey,
    // Deep nesting also on its own: inside a nested value it is one leaf among many.
    value: fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 1, arbitrary: deepNesting }),
  }),
  { minLength: 1, maxLength: 3 },
);

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...at, i], into);
  } else if (value && typeof value === 'object' && !(value instanceof RawJson))
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], into);
  return into;
}

function clone(value: unknown): unknown {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(copy, k, own(clone(v)));
  return copy;
}

/** A plain own property even for keys like `__proto__`. */
function own(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/** Applies mutations to a copy of `base`; paths are picked among the value's own nodes. */
export function mutate(base: unknown, changes: Mutation[]): unknown {
  let root = clone(base);
  // Generated values are copied in, never shared: fast-check reuses them while shrinking.
  for (const { value, ...rest } of changes) {
    const change = { ...rest, value: clone(value) };
    const paths = pathsOf(root);
    const path = paths[change.at % paths.length] as Path;
    if (path.length === 0) {
      root = change.kind === 'wrap' ? [root] : change.kind === 'set' ? change.value : root;
      if (change.kind === 'add' && root && typeof root === 'object' && !Array.isArray(root))
        Object.defineProperty(root, change.key, own(change.value));
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], root) as
      | Record<string | number, unknown>
      | unknown[];
    const last = path.at(-1) as string | number;
    const current = (parent as Record<string | number, unknown>)[last];
    if (change.kind === 'set') (parent as Record<string | number, unknown>)[last] = change.value;
    else if (change.kind === 'wrap') (parent as Record<string | number, unknown>)[last] = [current];
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (current && typeof current === 'object' && !Array.isArray(current))
      Object.defineProperty(current, change.key, own(change.value));
    else if (Array.isArray(current)) current.push(change.value);
  }
  return root;
}

/**
 * A request body for an endpoint whose valid bodies `valid` generates: mostly a valid body with a
 * few hostile changes, sometimes valid as is (so accepted writes are checked too), sometimes not
 * JSON at all, sometimes an unrelated hostile value.
 */
export function hostileBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const validText = valid.map(toJsonText);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(valid, mutations).map(([v, m]) => toJsonText(mutate(v, m))) },
    { weight: 2, arbitrary: validText },
    { weight: 2, arbitrary: malformedBody(validText) },
    { weight: 1, arbitrary: hostileValue.map(toJsonText) },
  );
}

/** A URL path segment from a hostile string, or a raw broken percent-encoding. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: shortHostileString.map(encodeSegment) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '%ff', '%2F', 'a%2Fb', '..', '.', '%ZZ'),
  },
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent, with lone surrogates replaced first (it throws on them, as a client would). */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/** A header value a real HTTP client can send (no NUL, CR or LF; Latin-1 only). */
export const hostileHeaderValue: fc.Arbitrary<string> = hostileString.map((s) =>
  s
    .slice(0, 4_000)
    .replace(/[^\u0020-\u00ff\t]/g, '?')
    .trim(),
);
