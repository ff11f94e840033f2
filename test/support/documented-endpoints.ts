// Which endpoints of an API document no request of the provider (its user agent) answered with
// success: a test that ends with none left shows the provider uses the whole document. A test's
// own out-of-band calls do not count. Endpoints are written as the document has them,
// "METHOD /path/{param}".
import type { ServedRequest } from "../sandbox/base";

export function unexercisedEndpoints(documented: readonly string[], requests: readonly ServedRequest[]): string[] {
  return documented.filter((endpoint) => {
    const [method, path] = endpoint.split(" ");
    const pattern = new RegExp(`^${path.split(/\{[^}]+\}/).map(escape).join("[^/]+")}/?$`);
    return !requests.some(
      (r) => String(r.headers["user-agent"]).startsWith("pulumi-hosting/") && r.method === method && r.status >= 200 && r.status < 300 && pattern.test(r.path),
    );
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
