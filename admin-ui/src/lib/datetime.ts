/**
 * `<input type="datetime-local">` speaks local wall-clock time without a zone ("2025-03-01T09:30");
 * the API speaks UTC epoch milliseconds. These convert between them in the browser's zone.
 */
export function toDateTimeLocal(epochMs: number | null): string {
  if (epochMs === null) return '';
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Returns null for an empty field, NaN for text that is not a date-time. */
export function fromDateTimeLocal(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed)) return Number.NaN;
  // Without a zone suffix, ECMAScript parses a date-time form as local time.
  return new Date(trimmed).getTime();
}
