/** An extension locale file: nested objects of strings. */
export type Messages = { [key: string]: string | Messages };

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

/** The buyer's language file over the default one, as Shopify resolves extension locales. */
export async function loadMessages(localesUrl: string, language: string): Promise<Messages> {
  const load = async (file: string): Promise<Messages> => {
    const res = await fetch(`${localesUrl}/${file}`);
    return res.ok ? ((await res.json()) as Messages) : {};
  };
  const fallback = await load('en.default.json');
  const base = language.split('-')[0] ?? 'en';
  return base === 'en' ? fallback : mergeMessages(fallback, await load(`${base}.json`));
}

function mergeMessages(base: Messages, over: Messages): Messages {
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
