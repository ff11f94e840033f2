// Linux hostings: list and detail (with sites and host names), PHP settings,
// GZIP, HTTP/2 per site, Let's Encrypt and HTTPS redirect per host name, FTP,
// and subsites (SSH is in combell-ssh.ts). A hosting exists from the moment
// the job of an account whose servicepack includes linux_hosting finishes.
//
// Rules the OpenAPI states or implies, enforced: a PHP version must be one the
// hosting offers; HTTP/2 needs SSL on the site ("For HTTP/2 to work correctly,
// the site must have ssl enabled"); an HTTPS redirect needs SSL on the host
// name's site too; the main site cannot be deleted as a subsite. A site has SSL
// while Let's Encrypt is enabled on one of its host names; when the last one is
// switched off, its HTTPS redirect and HTTP/2 go off with it.
import { reply } from "./base";
import { invalid, notFound, shown } from "./combell-errors";
import { Fields, hostnameProblem } from "./combell-fields";
import { paged } from "./combell-paging";
import { hostingByName, lower, noContent, type CombellState, type Route } from "./combell-state";
import { linuxHostingDetailView, linuxHostingView, type LinuxHostingRecord, type SiteRecord } from "./combell-store";

/** Limits of the PHP settings (MB); the OpenAPI gives none, these are the sandbox's. */
export const PHP_MEMORY_LIMIT_RANGE = { min: 32, max: 4096 };
export const APCU_SIZE_RANGE = { min: 8, max: 1024 };

const SUBSITE_PATH = /^\/[A-Za-z0-9._\-/]{0,254}$/;

function enabledOnly(body: Record<string, unknown>): boolean {
  const f = new Fields(body, ["enabled"]);
  const enabled = f.boolean("enabled", true);
  f.done();
  return enabled!;
}

function siteOfHostname(hosting: LinuxHostingRecord, hostname: string): SiteRecord {
  const site = hosting.sites.find((s) => s.host_headers.some((h) => lower(h.name) === lower(hostname)));
  if (!site) throw notFound(`No site of ${hosting.domain_name} has the host name ${hostname.slice(0, 253)}.`);
  return site;
}

function siteByName(hosting: LinuxHostingRecord, name: string): SiteRecord {
  const site = hosting.sites.find((s) => lower(s.name) === lower(name));
  if (!site) throw notFound(`Linux hosting ${hosting.domain_name} has no site ${name.slice(0, 253)}.`);
  return site;
}

export function hostingRoutes(state: CombellState): Route[] {
  const { store } = state;
  const hosting = (domain: string) => hostingByName(state, domain);

  return [
    {
      method: "GET",
      pattern: /^\/linuxhostings$/,
      handle: ({ query }) => paged([...store.linuxHostings.values()], query, state.paging, linuxHostingView),
    },
    {
      method: "GET",
      pattern: /^\/linuxhostings\/([^/]+)$/,
      handle: ({ params: [domain] }) => linuxHostingDetailView(hosting(domain), store),
    },
    {
      method: "GET",
      pattern: /^\/linuxhostings\/([^/]+)\/phpsettings\/availableversions$/,
      handle: ({ params: [domain], query }) => paged(hosting(domain).available_php_versions, query, state.paging, (version) => ({ version })),
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/phpsettings\/version$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        const f = new Fields(body, ["version"]);
        f.string("version", {
          required: true,
          check: (v) => (h.available_php_versions.includes(v) ? null : `${shown(v)} is not available on ${h.domain_name}; available: ${h.available_php_versions.join(", ")}.`),
        });
        f.done();
        h.php_version = body.version as string;
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/settings\/gzipcompression$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        h.gzip_enabled = enabledOnly(body);
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/phpsettings\/memorylimit$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        const f = new Fields(body, ["memory_limit"]);
        const limit = f.integer("memory_limit", { required: true, ...PHP_MEMORY_LIMIT_RANGE });
        f.done();
        h.php_memory_limit = limit!;
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/phpsettings\/apcu$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        const f = new Fields(body, ["apcu_size", "enabled"]);
        const enabled = f.boolean("enabled", true);
        const size = f.integer("apcu_size", { required: enabled === true, ...APCU_SIZE_RANGE });
        f.done();
        h.apcu = { enabled: enabled!, apcu_size: size ?? (enabled ? h.apcu.apcu_size : 0) };
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/sites\/([^/]+)\/http2\/configuration$/,
      handle: ({ params: [domain, siteName], body }) => {
        const site = siteByName(hosting(domain), siteName);
        const enabled = enabledOnly(body);
        if (enabled && !site.ssl_enabled) {
          throw invalid("enabled", "ssl_required", `cannot be true: HTTP/2 needs SSL on site ${site.name}; enable Let's Encrypt on one of its host names first.`);
        }
        site.http2_enabled = enabled;
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/sslsettings\/([^/]+)\/letsencrypt$/,
      handle: ({ params: [domain, hostname], body }) => {
        const site = siteOfHostname(hosting(domain), hostname);
        const enabled = enabledOnly(body);
        const name = lower(hostname);
        site.letsencrypt_hostnames = site.letsencrypt_hostnames.filter((h) => h !== name);
        if (enabled) site.letsencrypt_hostnames.push(name);
        site.ssl_enabled = site.letsencrypt_hostnames.length > 0;
        if (!site.ssl_enabled) {
          site.https_redirect_enabled = false;
          site.http2_enabled = false;
        }
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/sslsettings\/([^/]+)\/autoredirect$/,
      handle: ({ params: [domain, hostname], body }) => {
        const site = siteOfHostname(hosting(domain), hostname);
        const enabled = enabledOnly(body);
        if (enabled && !site.ssl_enabled) {
          throw invalid("enabled", "ssl_required", `cannot be true: redirecting ${hostname.slice(0, 253)} to HTTPS needs SSL on site ${site.name}; enable Let's Encrypt first.`);
        }
        site.https_redirect_enabled = enabled;
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/ftp\/configuration$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        h.ftp_enabled = enabledOnly(body);
        return noContent();
      },
    },
    {
      method: "POST",
      pattern: /^\/linuxhostings\/([^/]+)\/subsites$/,
      handle: ({ params: [domain], body }) => {
        const h = hosting(domain);
        const f = new Fields(body, ["domain_name", "path"]);
        const name = f.string("domain_name", { required: true, check: (v) => hostnameProblem(v, 2) })?.toLowerCase();
        const path = f.string("path", {
          check: (p) => (p === "" || (SUBSITE_PATH.test(p) && !p.split("/").includes("..")) ? null : `must be a folder such as "/subsites/shop.example.com" (got ${shown(p)}).`),
        });
        if (name !== undefined) {
          const inUse = [...store.linuxHostings.values()].some((other) => other.sites.some((s) => lower(s.name) === name || s.host_headers.some((hh) => lower(hh.name) === name)));
          if (inUse) f.fail("domain_name", "already_exists", `"${name}" is already a site or host name on a Linux hosting.`);
        }
        f.done();
        h.sites.push({
          name: name!,
          path: path ? path : `/subsites/${name}`,
          host_headers: [{ name: name!, enabled: true }],
          ssl_enabled: false,
          https_redirect_enabled: false,
          http2_enabled: false,
          letsencrypt_hostnames: [],
          subsite: true,
        });
        return reply(201, undefined, { location: `/v2/linuxhostings/${h.domain_name}` });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/linuxhostings\/([^/]+)\/subsites\/([^/]+)$/,
      handle: ({ params: [domain, siteName] }) => {
        const h = hosting(domain);
        const site = siteByName(h, siteName);
        if (!site.subsite) throw invalid("site_name", "not_a_subsite", `"${site.name}" is the main site of ${h.domain_name}, not a subsite; it cannot be deleted.`);
        h.sites = h.sites.filter((s) => s !== site);
        return noContent();
      },
    },
  ];
}
