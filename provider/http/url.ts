import { redactedLine } from "./safe-text";

// Servers refuse longer request lines and headers (Node 16 KiB in all, nginx 8 KiB a line), some
// by dropping the connection, which a client would retry until it times out: an id or a name this
// long cannot be one the API knows, so the request is refused before it is sent.
const MAX_PATH_AND_QUERY = 8192;

/**
 * encodeURIComponent that never throws: a lone UTF-16 surrogate, which a program or a JSON answer
 * ("\ud800") can hold and encodeURIComponent throws on, goes as U+FFFD, as UTF-8 carries it.
 */
export function uriComponent(value: string | number | boolean): string {
  return encodeURIComponent(String(value).replace(/\p{Surrogate}/gu, "\ufffd"));
}

export type QueryParameters = Record<string, string | number | boolean | undefined>;

/**
 * The URL of one request: a path under the base URL's path, or an absolute URL (a Location
 * header) that must stay on the base URL's origin, plus the query parameters that are set.
 */
export function requestUrl(apiName: string, base: URL, path: string, query: QueryParameters | undefined): URL {
  let url: URL;
  if (/^https?:\/\//i.test(path)) {
    url = new URL(path);
    if (url.origin !== base.origin) {
      // Following a link to another host would hand it our credentials.
      throw new Error(`${apiName}: refusing to send a request to ${url.origin}, which is not ${base.origin}`);
    }
  } else {
    let end = base.pathname.length;
    while (end > 0 && base.pathname[end - 1] === "/") end--;
    const basePath = base.pathname.slice(0, end);
    url = new URL(`${base.origin}${basePath}${path.startsWith("/") ? "" : "/"}${path}`);
  }
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    pairs.push(`${uriComponent(key)}=${uriComponent(value)}`);
  }
  if (pairs.length > 0) url.search = (url.search ? `${url.search}&` : "?") + pairs.join("&");
  const length = url.pathname.length + url.search.length;
  if (length > MAX_PATH_AND_QUERY) {
    throw new Error(
      `${apiName} API request to ${redactedLine(url.pathname, 120)} not sent: its path and query would be ${length} characters, more than the ${MAX_PATH_AND_QUERY} servers accept (is an id or a name that long?)`,
    );
  }
  return url;
}
