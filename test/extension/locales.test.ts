import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const EXTENSION = join(import.meta.dirname, '../../extension/checkout');
type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

const locales = Object.fromEntries(
  readdirSync(join(EXTENSION, 'locales')).map((name) => [
    name,
    flatten(JSON.parse(readFileSync(join(EXTENSION, 'locales', name), 'utf8')) as Messages),
  ]),
);

describe('extension locales', () => {
  test('every key the renderers translate literally exists in every locale', () => {
    const code = sources(join(EXTENSION, 'src')).join('\n');
    const keys = new Set([...code.matchAll(/translate\(\s*'([\w.]+)'/g)].map((m) => m[1]!));
    // Keys picked by a ternary inside translate(…) are literal strings too.
    for (const m of code.matchAll(/\?\s*'((?:upsell|offer|errors)\.\w+)'\s*:\s*'([\w.]+)'/g))
      keys.add(m[1]!).add(m[2]!);
    expect(keys.size).toBeGreaterThan(6);
    for (const [name, messages] of Object.entries(locales))
      for (const key of keys) expect(messages.has(key), `${name}: ${key}`).toBe(true);
  });

  test('every locale has the same keys and the same {{placeholders}} as the default', () => {
    const base = locales['en.default.json']!;
    const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [name, messages] of Object.entries(locales)) {
      expect([...messages.keys()].sort(), name).toEqual([...base.keys()].sort());
      for (const [key, text] of messages)
        expect(holes(text), `${name}: ${key}`).toEqual(holes(base.get(key)!));
    }
  });
});
