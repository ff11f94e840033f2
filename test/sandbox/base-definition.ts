// What an emulator supplies to the base: its auth, its error shape, its routes
// and, optionally, how it reads bodies and limits its rate. Everything else
// (HTTP, routing, faults, the request log) is the base's, so a new emulator is
// only its API's rules.
import type { IncomingHttpHeaders } from "node:http";
import type { HeaderMap } from "./base-error";

/** Query parameters; a name given more than once keeps every value, in order. */
export type Query = Record<string, string | string[]>;

/** A request as far as it is known before its body is read. */
export interface RequestHead {
  /** Upper case. */
  method: string;
  /** The whole path without the query, e.g. "/v1/servers/abc" (percent-encoding as sent). */
  path: string;
  /** The path below the definition's base path ("/servers/abc"); null when outside it. */
  routePath: string | null;
  /** The query as sent, with its "?" ("" when none): signatures cover it verbatim. */
  rawQuery: string;
  query: Query;
  /** As Node gives them: names in lower case. */
  headers: IncomingHttpHeaders;
}

export interface EmulatorRequest extends RequestHead {
  /** The body as sent: signatures (an MD5 of it, for one) cover the bytes. */
  body: Buffer;
}

/**
 * What a route handler gets: `principal` is what the definition's authenticate
 * returned, `body` what its parseBody did (B: unknown unless the hook says more).
 */
export interface RouteContext<P, B = unknown> {
  /** The pattern's capture groups, percent-decoded. */
  params: string[];
  body: B;
  query: Query;
  headers: IncomingHttpHeaders;
  principal: P;
  request: EmulatorRequest;
}

/**
 * An answer other than "200 with this JSON body". A class rather than a plain
 * { status, body, headers } literal because the APIs' own bodies carry `status`
 * keys (a provisioning job's "ongoing", a database's "provisioning"): a shape
 * test could mistake one for the other.
 */
export class Reply {
  constructor(
    readonly status: number,
    /** Sent as JSON; undefined sends no body (202 with Location, 204). */
    readonly body?: unknown,
    readonly headers: HeaderMap = {},
  ) {}
}

export const reply = (status: number, body?: unknown, headers?: HeaderMap) => new Reply(status, body, headers);

/** A JSON body (answered with 200) or a Reply. */
export type RouteResult = unknown;

export interface Route<P = unknown, B = unknown> {
  /** Upper case, e.g. "GET". */
  method: string;
  /** Matched against the path below the base path, without query; capture groups become params. */
  pattern: RegExp;
  /** Whether the route waits its turn behind other mutations; default: all but GET and HEAD. */
  serial?: boolean;
  handle(context: RouteContext<P, B>): RouteResult | Promise<RouteResult>;
}

export interface EmulatorDefinition<P = void, B = unknown> {
  /** For messages, e.g. "ServerPilot". */
  name: string;
  /** Where the API lives, e.g. "/v1"; "" for the root. The sandbox's url ends with it. */
  basePath: string;
  /**
   * Runs for every request that gets past faults, rate limit and body size,
   * before routing (so a stranger learns nothing about routes). Throws the
   * API's own 401/403 as an EmulatorError; its result reaches the handler.
   */
  authenticate(request: EmulatorRequest): P | Promise<P>;
  /** The API's error body for a status and message (and the error's details). */
  errorBody(status: number, message: string, details?: unknown): unknown;
  routes: Route<P, B>[];
  /**
   * Turns the body into what handlers get, after routing; throws an
   * EmulatorError for a body the API refuses. Default: parseJsonBody.
   */
  parseBody?(request: EmulatorRequest): B;
  /**
   * Runs first for every request but an injected fault: returns headers for
   * the answer, whatever it is, or throws a 429 (see FixedWindowRateLimiter).
   */
  rateLimit?(request: RequestHead): HeaderMap | void;
}
