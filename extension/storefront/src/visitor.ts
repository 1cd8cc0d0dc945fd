import { readValue, writeValue } from './storage';

/** The storefront experiment unit; later carried to the order as a cart attribute. */
export const VISITOR_KEY = '_closer_vid';
/** When intent last fired for this visitor (epoch ms), for the frequency cap. */
export const LAST_FIRED_KEY = '_closer_fired';

const VALID_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** 96 random bits as hex: no meaning, nothing about the shopper. */
export function newVisitorId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    (b + 256).toString(16).slice(1),
  ).join('');
}

/** This visitor's id, created and stored on the first visit. */
export function visitorId(): string {
  const stored = readValue(VISITOR_KEY);
  if (stored && VALID_ID.test(stored)) return stored;
  const id = newVisitorId();
  writeValue(VISITOR_KEY, id);
  return id;
}
