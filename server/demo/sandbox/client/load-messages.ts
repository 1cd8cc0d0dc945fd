import { loadMessages, type Messages } from '../../../../core/checkout-preview/messages';

/** The buyer's messages from the locale files the server serves beside the bundle. */
export function fetchMessages(localesUrl: string, language: string): Promise<Messages> {
  return loadMessages(language, async (file) => {
    const res = await fetch(`${localesUrl}/${file}`);
    return res.ok ? ((await res.json()) as Messages) : null;
  });
}
