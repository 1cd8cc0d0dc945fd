import { localeFilesFor, localeOfFile } from '../../../../../core/checkout-preview/messages.js';

/** A language the preview can draw the offer in. */
export interface PreviewLanguage {
  /** The buyer locale, e.g. `fr` or `pt-BR`. */
  locale: string;
  /** "French", or "German (Closer’s own words in English)" when the extension lacks German. */
  label: string;
}

export interface ShopLocaleInfo {
  locale: string;
  primary: boolean;
  published: boolean;
}

/**
 * The languages the shop's buyers can check out in: its published locales, primary first. When
 * the server could not say (null) or lists none, the languages the extension is translated to.
 * Each is labelled with the locale file the extension would actually use, so a merchant selling in
 * German learns that Closer's own words show in English there.
 */
export function previewLanguages(
  shopLocales: readonly ShopLocaleInfo[] | null | undefined,
  extensionFiles: readonly string[],
): PreviewLanguage[] {
  const published = (shopLocales ?? [])
    .filter((l) => l.published)
    .sort((a, b) => Number(b.primary) - Number(a.primary));
  const shopLocale = published[0]?.locale ?? null;
  const locales = published.length
    ? published.map((l) => l.locale)
    : extensionFiles.map(localeOfFile).sort((a, b) => Number(b === 'en') - Number(a === 'en'));
  return [...new Set(locales)].map((locale) => {
    const used = wordsLocale(locale, shopLocale, extensionFiles);
    const name = languageName(locale);
    return {
      locale,
      label:
        sameLanguage(used, locale) || used === null
          ? name
          : `${name} (Closer’s own words in ${languageName(used)})`,
    };
  });
}

/** The shop's primary published locale, which Shopify falls back to before the default file. */
export function primaryLocale(shopLocales: readonly ShopLocaleInfo[] | null | undefined) {
  return shopLocales?.find((l) => l.primary && l.published)?.locale ?? null;
}

/** The locale of the most specific extension file Shopify would take strings from. */
function wordsLocale(
  locale: string,
  shopLocale: string | null,
  extensionFiles: readonly string[],
): string | null {
  const defaultFile = extensionFiles.find((file) => file.endsWith('.default.json'));
  if (!defaultFile) return null;
  const chain = localeFilesFor(locale, { shopLocale, defaultFile });
  const present = chain.filter((file) => extensionFiles.includes(file));
  const last = present[present.length - 1];
  return last ? localeOfFile(last) : null;
}

function sameLanguage(a: string | null, b: string): boolean {
  return a !== null && a.split('-')[0] === b.split('-')[0];
}

function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
