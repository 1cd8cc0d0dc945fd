/**
 * First-party storage for the visitor id and the frequency cap: local storage, or a cookie where
 * local storage is unavailable (some private modes throw on access). Never throws. Values are
 * hex digits, so they need no encoding in a cookie.
 */
export function readValue(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return document.cookie.match(new RegExp(`(?:^|; )${key}=([^;]*)`))?.[1] ?? null;
  }
}

export function writeValue(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Safari and Firefox, and the value is hex.
    document.cookie = `${key}=${value};path=/;max-age=31536000;samesite=lax`;
  }
}
