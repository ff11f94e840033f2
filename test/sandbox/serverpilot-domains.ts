// App domain names: which ones the API accepts, and how it normalises a list.
// The real API does not return domains as sent: it lowercases them and reorders
// them ("www." names first, as in the document's example, where
// ["example.com", "www.example.com"] comes back as ["www.example.com", "example.com"]).
// A provider that compares lists naively sees a false diff; that is the point.

export const MAX_DOMAINS_PER_APP = 300;

const MAX_DOMAIN_LENGTH = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The normalised form of a domain, or null when it is not a valid host name.
 * Accepts one trailing dot (dropped) and a leading "*." wildcard label, which
 * ServerPilot apps support.
 */
export function normaliseDomain(raw: string): string | null {
  let domain = raw.toLowerCase();
  if (domain.endsWith(".")) domain = domain.slice(0, -1);
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) return null;
  const labels = domain.split(".");
  const [first, ...others] = labels;
  const firstIsWildcard = first === "*" && others.length >= 2;
  if (!firstIsWildcard && !LABEL.test(first)) return null;
  return others.every((label) => LABEL.test(label)) ? domain : null;
}

/** Deduplicated, "www." names first, each group in alphabetical order. */
export function orderDomains(domains: string[]): string[] {
  const unique = [...new Set(domains)];
  const www = unique.filter((d) => d.startsWith("www.")).sort();
  const others = unique.filter((d) => !d.startsWith("www.")).sort();
  return [...www, ...others];
}
