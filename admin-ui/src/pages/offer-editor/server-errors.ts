import type { OfferFormField } from './offer-form.js';

/**
 * The server's 400 messages start with the zod path of the first bad field
 * ("content.heading: Too small…"); this maps that path onto the editor's inputs.
 */
const PATH_TO_FIELD: Record<string, OfferFormField> = {
  name: 'name',
  target: 'target',
  'content.heading': 'heading',
  'content.body': 'body',
  'content.buttonLabel': 'buttonLabel',
  content: 'heading',
  products: 'products',
  holdout: 'holdoutPercent',
  priority: 'priority',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  condition: 'condition',
};

export interface ServerFieldError {
  field: OfferFormField | null;
  message: string;
}

export function fieldForServerMessage(message: string): ServerFieldError {
  const match = /^([^\s:]+): ([\s\S]+)$/.exec(message);
  if (!match?.[1] || !match[2]) return { field: null, message };
  const segments = match[1].split('.');
  // "products.2" or "condition.$and.0" belong to the field named by their prefix.
  for (let length = segments.length; length > 0; length -= 1) {
    const field = PATH_TO_FIELD[segments.slice(0, length).join('.')];
    if (field) return { field, message: capitalize(match[2]) };
  }
  return { field: null, message };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
