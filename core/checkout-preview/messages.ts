/** An extension locale file: nested objects of strings. */
export type Messages = { [key: string]: string | Messages };

/** The extension's default locale file (`locales/en.default.json`). */
export const DEFAULT_LOCALE_FILE = 'en.default.json';

/**
 * Shopify's `i18n.translate` for the cases the extension uses: dotted keys into the locale file and
 * `{{name}}` replacements. An unknown key comes back as the key, as in Shopify, so a missing
 * translation is visible rather than silent.
 */
export function translate(
  messages: Messages,
  key: string,
  replacements: Record<string, unknown> = {},
): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in replacements ? String(replacements[name]) : match,
  );
}

/** `en.default.json` → `en`, `fr-CA.json` → `fr-CA`. */
export function localeOfFile(file: string): string {
  return file.replace(/\.json$/, '').replace(/\.default$/, '');
}

/**
 * The locale files that can hold a string for this buyer, least specific first. Shopify takes a
 * string from the first file that has it in this order ("Localizing checkout UI extensions"): the
 * buyer's locale (`fr-CA`), the buyer's language (`fr`), the shop's locale and language, then the
 * default file — which also stands for its own language (`en.default.json` is the `en` file).
 */
export function localeFilesFor(
  language: string,
  options: { shopLocale?: string | null; defaultFile?: string } = {},
): string[] {
  const defaultFile = options.defaultFile ?? DEFAULT_LOCALE_FILE;
  const defaultLocale = localeOfFile(defaultFile);
  const precedence: string[] = [];
  for (const locale of [language, options.shopLocale]) {
    if (!locale) continue;
    const base = locale.split('-')[0] ?? locale;
    for (const candidate of [locale, base]) {
      const file = candidate === defaultLocale ? defaultFile : `${candidate}.json`;
      if (!precedence.includes(file)) precedence.push(file);
    }
  }
  if (!precedence.includes(defaultFile)) precedence.push(defaultFile);
  return precedence.reverse();
}

/**
 * The buyer's messages: every file `localeFilesFor` names, the more specific over the less.
 * `load` answers null for a file the extension does not have.
 */
export async function loadMessages(
  language: string,
  load: (file: string) => Promise<Messages | null>,
  options: { shopLocale?: string | null; defaultFile?: string } = {},
): Promise<Messages> {
  const files = localeFilesFor(language, options);
  const loaded = await Promise.all(files.map(load));
  return loaded.reduce<Messages>(
    (merged, next) => (next ? mergeMessages(merged, next) : merged),
    {},
  );
}

/** The same from locale files already at hand, by file name (`fr.json`). */
export function messagesFrom(
  files: Readonly<Record<string, Messages>>,
  language: string,
  options: { shopLocale?: string | null; defaultFile?: string } = {},
): Messages {
  return localeFilesFor(language, options).reduce<Messages>(
    (merged, file) => (files[file] ? mergeMessages(merged, files[file]) : merged),
    {},
  );
}

export function mergeMessages(base: Messages, over: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] =
      typeof value === 'object' && typeof current === 'object'
        ? mergeMessages(current, value)
        : value;
  }
  return merged;
}
