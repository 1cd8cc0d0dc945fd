import type { OfferKind } from '../../../../../core/offers/catalog.js';
import type { Offer } from '../../../../../core/offers/contract.js';
import type { FieldErrors, FieldKey } from '../form-fields.js';

export type OfferOf<K extends OfferKind> = Extract<Offer, { kind: K }>;

/** A kind's own fields converted for the contract, and the text that could not be converted. */
export interface KindInput {
  fields: Record<string, unknown>;
  errors: FieldErrors;
}

/**
 * What the editor needs from each kind, beside its section component (kinds/index.ts): the form
 * a new offer starts from, the form an existing offer opens as, and the way back to the input.
 */
export interface KindFormModule<K extends OfferKind, F extends { kind: K }> {
  empty(): F;
  fromOffer(offer: OfferOf<K>, currency: string): F;
  toInput(form: F, currency: string): KindInput;
  /** Every field key the kind's section shows an error on. */
  fieldKeys(form: F): FieldKey[];
}
