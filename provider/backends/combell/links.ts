// The reseller API points at what it made with links: a Location header (`/v2/provisioningjobs/
// {id}`, `/v2/dns/{domain}/records/{id}`) or a finished job's resource_links (`/v2/accounts/42`).
// They carry the API version, and may come absolute; the client's paths are relative to /v2.

/** The API version every link starts with. */
export const API_VERSION_PATH = "/v2";

/**
 * A link as a path under the API's base: "/v2/accounts/42" and "https://api.combell.com/v2/accounts/42"
 * both give "/accounts/42" (the client's requests stay on its own origin either way).
 */
export function apiPathOf(link: string): string {
  const url = new URL(link, "http://link.invalid");
  const path = url.pathname + url.search;
  return path.startsWith(`${API_VERSION_PATH}/`) ? path.slice(API_VERSION_PATH.length) : path;
}

/**
 * The id at the end of a link into `collection` ("accounts", "mysqldatabases", "dns/x.be/records"),
 * decoded; undefined when the link points anywhere else.
 */
export function idInLink(link: string, collection: string): string | undefined {
  const path = apiPathOf(link).split("?")[0].replace(/\/+$/, "");
  const prefix = `/${collection}/`;
  if (!path.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
  const rest = path.slice(prefix.length);
  if (rest === "" || rest.includes("/")) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/** The first of a job's links that points into `collection`. */
export function idInLinks(links: readonly string[], collection: string): string | undefined {
  for (const link of links) {
    const id = idInLink(link, collection);
    if (id !== undefined) return id;
  }
  return undefined;
}
