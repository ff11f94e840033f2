// Property paths as the engine writes them in detailed diffs: `name`, `user.password`,
// `domains[1]`, `tags["a.b"]`. Reading a value along one sees through secret wrappers, and
// says whether it crossed one: everything under a secret is secret.
import { isSecret } from "../support/secrets";

export type PropertyPath = (string | number)[];

const SEGMENT = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

export function parsePropertyPath(text: string): PropertyPath {
  const path: PropertyPath = [];
  let rest = text;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match || (path.length === 0 && rest.startsWith("."))) throw new Error(`not a property path: ${JSON.stringify(text)}`);
    const [whole, name, index, quoted] = match;
    path.push(name ?? (index !== undefined ? Number(index) : (JSON.parse(quoted) as string)));
    rest = rest.slice(whole.length);
  }
  return path;
}

export function formatPropertyPath(path: PropertyPath): string {
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : /^[A-Za-z_$][\w$-]*$/.test(segment) ? `${i === 0 ? "" : "."}${segment}` : `[${JSON.stringify(segment)}]`,
    )
    .join("");
}

export interface Found {
  found: boolean;
  value?: unknown;
  /** The value is secret, or sits inside a secret. */
  secret: boolean;
}

export function valueAt(root: unknown, path: PropertyPath): Found {
  let value = root;
  let secret = false;
  for (const segment of path) {
    if (isSecret(value)) {
      secret = true;
      value = (value as { value: unknown }).value;
    }
    const container = value !== null && typeof value === "object" && Array.isArray(value) === (typeof segment === "number");
    if (!container || !Object.prototype.hasOwnProperty.call(value, segment)) return { found: false, secret };
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { found: true, value, secret: secret || isSecret(value) };
}
