import { type FieldKey, fieldForPath, parsePath } from './form-fields.js';

/**
 * The server checks requests with the same contract the editor checks before saving, so a 400 is
 * rare (another tab changed the shop, a race). Its message starts with the contract path of the
 * first bad field ("variants.1.heading: Use 80 characters or fewer."); this maps that path onto the
 * editor's inputs the way the editor maps its own contract issues.
 */
export interface ServerFieldError {
  field: FieldKey | null;
  message: string;
}

export function fieldForServerMessage(message: string): ServerFieldError {
  const match = /^([^\s:]+): ([\s\S]+)$/.exec(message);
  if (!match?.[1] || !match[2]) return { field: null, message };
  const field = fieldForPath(parsePath(match[1]));
  if (field === null) return { field: null, message };
  return { field, message: capitalize(match[2]) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
