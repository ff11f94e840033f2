import type { ProviderConfiguration } from "../kit/config";
import type { ResourceContext } from "../kit/context";
import { splitToken, type Resource } from "../kit/resource";
import type { PropertyMap } from "../kit/values";
import { registry } from "../registry";
import type { Found } from "./adopted";
import { definedOnly, takeConfigInputs } from "./secret-inputs";

// Walks one API's account kind by kind, in the order its backend declares them, with the
// provider's own listings and Reads: what a list finds is read as `pulumi import` reads it, so
// the program written from it is what an import of the same id sees. GET requests only.

/** Reads in flight at once: the HTTP core keeps within the API's rate limit on its own. */
const READS_IN_FLIGHT = 4;

export interface ScanProgress {
  /** One line per kind, once it is scanned ("serverpilot: 3 servers"). */
  progress(line: string): void;
  /** What the HTTP core or a Read says along the way (rate limits, warnings). */
  note(line: string): void;
}

/** The modules of the package ("serverpilot", ...), in the registry's order. */
export function adoptableModules(): string[] {
  return [...new Set([...registry().resources.keys()].map((token) => splitToken(token).module))];
}

export function resourcesOf(module: string): Resource[] {
  return [...registry().resources.values()].filter((r) => splitToken(r.token).module === module);
}

/** "DnsRecord" -> "dns records", "Mailbox" -> "mailboxes", "LinuxHostingSettings" -> "linux hosting settings". */
export function kindWords(kind: string, count: number): string {
  const words = kind.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return count === 1 || words.endsWith("s") ? words : /(x|ch|sh)$/.test(words) ? `${words}es` : `${words}s`;
}

export async function scan(module: string, configuration: ProviderConfiguration, report: ScanProgress, signal?: AbortSignal): Promise<Found[]> {
  const found: Found[] = [];
  for (const resource of resourcesOf(module)) {
    const { name: kind } = splitToken(resource.token);
    const listing = registry().listings.get(resource.token);
    if (!listing) {
      report.progress(`${module}: ${kindWords(kind, 2)} cannot be listed by the API: none adopted (import each by id)`);
      continue;
    }
    const ctx: ResourceContext = {
      urn: "",
      client: configuration.clientFor(resource.api),
      signal,
      log: (message) => report.note(`${module}: ${message}`),
      warn: (message) => report.note(`${module}: warning: ${message}`),
    };
    const ids = await listing.ids(ctx);
    const observed = await mapInFlight(ids, READS_IN_FLIGHT, async (id) => ({ id, read: await resource.read(ctx, id) }));
    let count = 0;
    for (const { id, read } of observed) {
      // Gone since it was listed, or still being provisioned: nothing an import could take yet.
      if (!read || read.pending) continue;
      const inputs = definedOnly(read.inputs) as PropertyMap;
      const configInputs = takeConfigInputs(resource.inputs, inputs);
      found.push({ resource, module, kind, id: read.realId ?? id, inputs, configInputs });
      count++;
    }
    report.progress(`${module}: ${count} ${kindWords(kind, count)}`);
  }
  return found;
}

async function mapInFlight<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
