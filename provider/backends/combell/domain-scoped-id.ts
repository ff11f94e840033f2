// The ids of what lives inside a domain (a DNS record, an SSH key, a subsite): the domain and
// the thing's own name or id, "example.com/12345", as its API address needs both and as
// `pulumi import` takes it.

export function domainScopedId(domain: string, name: string): string {
  return `${domain}/${name}`;
}

/** The domain and the name of a domain-scoped id; undefined for anything else. */
export function parseDomainScopedId(id: string): { domain: string; name: string } | undefined {
  const slash = id.indexOf("/");
  return slash > 0 && slash < id.length - 1 ? { domain: id.slice(0, slash), name: id.slice(slash + 1) } : undefined;
}

/** Why `id` is refused: it is not `form` (domainName/...), as `pulumi import` must be given it. */
export function notADomainScopedId(id: string, what: string, form: string, example: string): Error {
  return new Error(`"${id.slice(0, 100)}" is not ${what} id: expected ${form} (such as ${example})`);
}
