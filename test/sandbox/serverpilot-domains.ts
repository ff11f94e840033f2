// App domain names: which ones the API accepts, and how it normalises a list.
// The real API does not return domains as sent: it lowercases them and reorders
// them ("www." names first, as in the document's example, where
// ["example.com", "www.example.com"] comes back as ["www.example.com", "example.com"]).
// A provider that compares lists naively sees a false diff; that is the point.

export const MAX_DOMAINS_PER_APP = 300;

const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
// The ends of a label are checked apart, so the pattern is one character class.
const LABEL_CHARACTERS = /^[a-z0-9-]+$/;

function validLabel(label: string): boolean {
  return (
    label.length >= 1 &&
    label.length <= MAX_LABEL_LENGTH &&
    !label.startsWith("-") &&
    !label.endsWith("-") &&
    LABEL_CHARACTERS.test(label)
  );
}

/**
 * The normalised form of a domain, or null when it is not a valid host name.
 * Accepts one trailing dot (dropped) and a leading "*." wildcard label, which
 * ServerPilot apps support.
 */
export function normaliseDomain(raw: string): string | null {
  // Before any work on the string: one character more for a trailing dot.
  if (raw.length > MAX_DOMAIN_LENGTH + 1) return null;
  let domain = raw.toLowerCase();
  if (domain.endsWith(".")) domain = domain.slice(0, -1);
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) return null;
  const [first, ...others] = domain.split(".");
  const firstIsWildcard = first === "*" && others.length >= 2;
  if (!firstIsWildcard && !validLabel(first)) return null;
  return others.every(validLabel) ? domain : null;
}

/** Deduplicated (the names are already lowercase, so case-insensitively), "www." names first, each group sorted. */
export function orderDomains(domains: string[]): string[] {
  const unique = [...new Set(domains)];
  const www = unique.filter((d) => d.startsWith("www.")).sort();
  const others = unique.filter((d) => !d.startsWith("www.")).sort();
  return [...www, ...others];
}
