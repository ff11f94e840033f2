// Choosing the route for a request: 404 for a path no route knows, 405 (with
// Allow) for a known path asked with another method. The two are kept apart on
// purpose: "wrong method" is a provider bug, "not found" may be a resource that
// is gone, and a provider must not confuse them.
import { EmulatorError } from "./base-error";
import type { Route } from "./base-definition";

export interface RouteMatch<P, B> {
  route: Route<P, B>;
  params: string[];
}

/** An id from the path; one that is not even valid percent-encoding is kept as sent (an unknown id). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function exec(pattern: RegExp, path: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(path);
}

/**
 * `routePath` is the path below the base path (null when the request is outside
 * it); `path` is the whole path, for messages. Patterns run on a path Node has
 * already capped (its header size limit), so they need no length check of their own.
 */
export function matchRoute<P, B>(
  routes: Route<P, B>[],
  method: string,
  routePath: string | null,
  path: string,
): RouteMatch<P, B> {
  const candidates =
    routePath === null
      ? []
      : routes.flatMap((route) => {
          const match = exec(route.pattern, routePath);
          return match ? [{ route, params: match.slice(1).map((group) => decodeSegment(group ?? "")) }] : [];
        });
  if (candidates.length === 0) throw new EmulatorError(404, `Not found: no API route ${method} ${path}.`);
  const selected = candidates.find((candidate) => candidate.route.method.toUpperCase() === method);
  if (selected) return selected;
  const allowed = [...new Set(candidates.map((candidate) => candidate.route.method.toUpperCase()))].join(", ");
  throw new EmulatorError(405, `Method ${method} is not allowed on ${path}; allowed: ${allowed}.`, { headers: { Allow: allowed } });
}
