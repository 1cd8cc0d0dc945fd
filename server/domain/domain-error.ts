/**
 * What domain code throws when a request cannot be carried out. It names the reason, not an HTTP
 * status: the HTTP layer (server/http/errors.ts) maps reasons to statuses in one place, so the
 * domain can be called from a route, a job or a script alike. `message` is safe to show a merchant.
 */
export type DomainErrorReason =
  /** The input breaks a rule (400). */
  | 'invalid'
  /** The thing asked for does not exist in this shop (404). */
  | 'not_found'
  /** The request clashes with the current state (409). */
  | 'conflict'
  /** Understood but cannot be processed as it stands (422). */
  | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
