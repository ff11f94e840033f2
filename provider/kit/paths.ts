// Property paths as the engine writes them in detailed diffs and check failures: `name`,
// `user.password`, `domains[1]`, and a map's key in brackets when it is not a plain name:
// `http2["www.example.com"]`.

const PLAIN_NAME = /^[A-Za-z_$][\w$-]*$/;

/** One part of a path after the first: `.name`, `[1]`, `["www.example.com"]`. */
function segment(part: PropertyKey): string {
  if (typeof part === "number") return `[${part}]`;
  const name = String(part);
  return PLAIN_NAME.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** A path from its parts: ["http2", "www.example.com"] -> 'http2["www.example.com"]'. */
export function propertyPath(parts: readonly PropertyKey[]): string {
  const [first, ...rest] = parts;
  const head = typeof first === "string" && PLAIN_NAME.test(first) ? first : first === undefined ? "" : segment(first);
  return head + rest.map(segment).join("");
}

/** The path of a key of the map at `path`: keyPath("letsEncrypt", "example.com") -> 'letsEncrypt["example.com"]'. */
export function keyPath(path: string, key: string): string {
  return path + segment(key);
}
