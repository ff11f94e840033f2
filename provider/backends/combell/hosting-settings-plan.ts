import type { OperationContext } from "../../http/client";
import type { Changes } from "../../kit/diff";
import { InputError, type CheckFailure } from "../../kit/errors";
import { keyPath } from "../../kit/paths";
import type { LinuxHostingDetailData, LinuxSiteData } from "./answers";
import type { HostingCalls } from "./client-hostings";

// How a Linux hosting's settings are applied: each has a call of its own, so a create sends what
// the program sets and an update only what changed. What the hosting's detail can refuse (a site
// or host name it does not have, a PHP version it does not offer) is refused before anything
// changes. Let's Encrypt comes before HTTP/2 and the HTTPS redirect, which need SSL on the site
// ("For HTTP/2 to work correctly, the site must have ssl enabled"), and is switched off after them.

/** The settings, as the resource declares them. */
export interface HostingSettings {
  domainName: string;
  phpVersion?: string;
  gzipCompression?: boolean;
  phpMemoryLimit?: number;
  apcu?: { enabled: boolean; sizeMb?: number };
  http2?: Record<string, boolean>;
  letsEncrypt?: Record<string, boolean>;
  autoRedirect?: Record<string, boolean>;
  ftpEnabled?: boolean;
  sshEnabled?: boolean;
}

export type MapSetting = "http2" | "letsEncrypt" | "autoRedirect";
type PlainSetting = Exclude<keyof HostingSettings, "domainName" | MapSetting>;

/** The settings Combell never shows: until their calls are made, a failure must not record them as applied. */
export const WRITE_ONLY_SETTINGS = ["gzipCompression", "phpMemoryLimit", "apcu", "sshEnabled", "letsEncrypt"] as const;

/** Which settings to send: a plain one by name, a map's by name and key. */
export interface Selection {
  plain(property: PlainSetting): boolean;
  key(property: MapSetting, key: string): boolean;
}

/** Everything the program sets: a create. */
export const everything: Selection = { plain: () => true, key: () => true };

/** What the diff shows changed, and is still set: an update. */
export function changedIn(changes: Changes): Selection {
  return {
    plain: (property) => changes.has(property),
    // A map the program starts setting is one change of the whole property; otherwise key by key.
    key: (property, key) => property in changes.detailed || changes.has(keyPath(property, key)),
  };
}

const lower = (name: string) => name.toLowerCase();
const hostNamesOf = (site: LinuxSiteData) => (site.host_headers ?? []).map((h) => lower(h.name));

/** The site a host name belongs to. */
export function siteOfHostName(detail: LinuxHostingDetailData, hostName: string): LinuxSiteData | undefined {
  return (detail.sites ?? []).find((site) => hostNamesOf(site).includes(lower(hostName)));
}

/** The program's sites and host names as the hosting has them; each problem names its key. */
export function siteProblems(detail: LinuxHostingDetailData, settings: HostingSettings): CheckFailure[] {
  const sites = detail.sites ?? [];
  const failures: CheckFailure[] = [];
  const siteNames = sites.map((s) => lower(s.name));
  const hostNames = sites.flatMap(hostNamesOf);
  for (const site of Object.keys(settings.http2 ?? {})) {
    if (!siteNames.includes(lower(site))) {
      failures.push({ property: keyPath("http2", site), reason: `is not a site of Linux hosting ${detail.domain_name}; its sites: ${siteNames.join(", ") || "none"}` });
    }
  }
  for (const property of ["letsEncrypt", "autoRedirect"] as const) {
    for (const host of Object.keys(settings[property] ?? {})) {
      if (!hostNames.includes(lower(host))) {
        failures.push({ property: keyPath(property, host), reason: `is not a host name of Linux hosting ${detail.domain_name}; its host names: ${hostNames.join(", ") || "none"}` });
      }
    }
  }
  // The detail shows one redirect per site (https_redirect_enabled), set through any of its host names.
  const redirectBySite = new Map<string, { host: string; enabled: boolean }>();
  for (const [host, enabled] of Object.entries(settings.autoRedirect ?? {})) {
    const site = siteOfHostName(detail, host);
    if (!site) continue;
    const first = redirectBySite.get(site.name);
    if (!first) redirectBySite.set(site.name, { host, enabled });
    else if (first.enabled !== enabled) {
      failures.push({
        property: keyPath("autoRedirect", host),
        reason: `must be the same as autoRedirect["${first.host}"]: Combell keeps one HTTPS redirect per site, and both are host names of site ${site.name}`,
      });
    }
  }
  return failures;
}

/** Refuses what the hosting cannot take, before anything changes: the PHP version is checked against the available ones. */
export async function refuseWhatTheHostingCannotTake(
  client: HostingCalls,
  detail: LinuxHostingDetailData,
  settings: HostingSettings,
  selection: Selection,
  ctx: OperationContext,
): Promise<void> {
  const failures = siteProblems(detail, settings);
  if (settings.phpVersion !== undefined && selection.plain("phpVersion")) {
    const available = await client.phpVersions(detail.domain_name, ctx);
    if (!available.includes(settings.phpVersion)) {
      failures.push({ property: "phpVersion", reason: `is not available on Linux hosting ${detail.domain_name}; available: ${available.join(", ") || "none"}` });
    }
  }
  if (failures.length > 0) throw new InputError(failures);
}

/**
 * Sends the selected settings, in the order the API needs. `progress` hears which write-only
 * settings are still to be sent, after each step.
 */
export async function applySettings(
  client: HostingCalls,
  settings: HostingSettings,
  selection: Selection,
  ctx: OperationContext,
  progress: (pending: string[]) => void = () => {},
): Promise<void> {
  const domain = settings.domainName;
  const pending = new Set<string>(WRITE_ONLY_SETTINGS.filter((p) => settings[p] !== undefined));
  const done = (property: string) => {
    pending.delete(property);
    progress([...pending]);
  };
  const plain = async (property: PlainSetting, send: () => Promise<void>) => {
    if (settings[property] !== undefined && selection.plain(property)) await send();
    done(property);
  };
  const keys = (property: MapSetting, only?: boolean) =>
    Object.entries(settings[property] ?? {}).filter(([key, value]) => (only === undefined || value === only) && selection.key(property, key));

  await plain("phpVersion", () => client.setPhpVersion(domain, settings.phpVersion!, ctx));
  await plain("gzipCompression", () => client.setGzipCompression(domain, settings.gzipCompression!, ctx));
  await plain("phpMemoryLimit", () => client.setPhpMemoryLimit(domain, settings.phpMemoryLimit!, ctx));
  await plain("apcu", () => {
    const { enabled, sizeMb } = settings.apcu!;
    return client.setApcu(domain, { enabled, ...(sizeMb !== undefined ? { apcu_size: sizeMb } : {}) }, ctx);
  });
  await plain("ftpEnabled", () => client.setFtp(domain, settings.ftpEnabled!, ctx));
  await plain("sshEnabled", () => client.setSsh(domain, settings.sshEnabled!, ctx));
  for (const [host] of keys("letsEncrypt", true)) await client.setLetsEncrypt(domain, host, true, ctx);
  for (const [site, enabled] of keys("http2")) await client.setHttp2(domain, site, enabled, ctx);
  for (const [host, enabled] of keys("autoRedirect")) await client.setAutoRedirect(domain, host, enabled, ctx);
  for (const [host] of keys("letsEncrypt", false)) await client.setLetsEncrypt(domain, host, false, ctx);
  done("letsEncrypt");
}
