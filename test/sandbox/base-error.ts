// The one error type that routes and hooks throw. The base renders it with the
// definition's errorBody, so every emulator keeps its own API's error shape
// while the plumbing (status, headers, logging) stays shared. Headers travel
// with it because some errors are not complete without them: a 401 challenge
// (WWW-Authenticate), a 405 (Allow), a 429 (Retry-After).

export type HeaderMap = Record<string, string>;

export interface EmulatorErrorOptions {
  /** API-specific extra data for errorBody (field errors, codes). */
  details?: unknown;
  headers?: HeaderMap;
}

export class EmulatorError extends Error {
  readonly details: unknown;
  readonly headers: HeaderMap;

  constructor(
    readonly status: number,
    message: string,
    options: EmulatorErrorOptions = {},
  ) {
    super(message);
    this.name = "EmulatorError";
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
