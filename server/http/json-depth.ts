/**
 * How deeply a request's JSON may nest. Nothing this app accepts goes past a handful of levels
 * (Shopify's order payloads about eight); deeper input only exists to reach the stack limit of
 * recursive code behind the parser — JSON.stringify in a schema check, zod, the decide engine —
 * which would answer 500 instead of refusing the request.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** Whether valid JSON text nests arrays and objects deeper than `max`, in one pass, no recursion. */
export function isJsonDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  // Nesting deeper than `max` needs more than `max` brackets: most bodies are ruled out by length.
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    // Plain comparisons: this loop runs over every byte of every ingestion request.
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth++;
      if (depth > max) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth--;
  }
  return false;
}
