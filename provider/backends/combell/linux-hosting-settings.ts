import { z } from "zod";
import { InputError } from "../../kit/errors";
import { field } from "../../kit/fields";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import type { LinuxHostingDetailData } from "./answers";
import { combellApi } from "./api";
import { applySettings, changedIn, everything, refuseWhatTheHostingCannotTake, WRITE_ONLY_SETTINGS, type HostingSettings } from "./hosting-settings-plan";
import { domainName, hostNameKey, int32, normalizeHostName } from "./rules";

const NOT_SHOWN = "Combell does not show it: refresh keeps the value last applied, and an import takes the program's.";

const inputs = {
  domainName: field(domainName(), {
    description: "The Linux hosting, by its domain name (the identifier of the Account that has it); also the resource's id. The hosting must exist: this resource adopts it.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  phpVersion: field(boundedString(32).min(1, "must not be empty").optional(), {
    description: "The PHP version, one the hosting offers (see getPhpVersions); checked against them before anything changes.",
  }),
  gzipCompression: field(z.boolean().optional(), { description: `Whether responses are GZIP-compressed. ${NOT_SHOWN}`, writeOnly: true }),
  phpMemoryLimit: field(int32().min(1, "must be a positive number of MB").optional(), { description: `PHP's memory limit. ${NOT_SHOWN}`, writeOnly: true }),
  apcu: field(
    z
      .object({
        enabled: field(z.boolean(), { description: "Whether PHP's APCu cache is on." }),
        sizeMb: field(int32().min(1, "must be a positive number of MB").optional(), {
          description: "The APCu cache's size in MB (the API's apcu_size); required while enabled.",
        }),
      })
      .refine((apcu) => !apcu.enabled || apcu.sizeMb !== undefined, { path: ["sizeMb"], message: "is required while APCu is enabled" })
      .optional(),
    { description: `PHP's APCu cache. ${NOT_SHOWN}`, writeOnly: true, typeName: "LinuxHostingSettingsApcu" },
  ),
  http2: field(z.record(hostNameKey("a site name"), z.boolean()).optional(), {
    description:
      'HTTP/2 per site, by site name: `{ "example.com": true }`. A site needs SSL for HTTP/2 to work: Let\'s Encrypt (letsEncrypt) is applied first.',
  }),
  letsEncrypt: field(z.record(hostNameKey("a host name"), z.boolean()).optional(), {
    description:
      'A Let\'s Encrypt certificate per host name: `{ "example.com": true, "www.example.com": true }`. Combell shows SSL per site, not per host name: refresh sees it off for the host names of a site without SSL, and keeps the value last applied for the others.',
    writeOnly: true,
  }),
  autoRedirect: field(z.record(hostNameKey("a host name"), z.boolean()).optional(), {
    description:
      "The redirect from HTTP to HTTPS, per host name. Combell keeps one redirect per site, so host names of the same site must agree; it needs SSL on the site, and is applied after letsEncrypt.",
  }),
  ftpEnabled: field(z.boolean().optional(), { description: "Whether FTP is on for the hosting." }),
  sshEnabled: field(z.boolean().optional(), { description: `Whether SSH is on for the hosting. ${NOT_SHOWN}`, writeOnly: true }),
};

const site = z.object({
  name: field(z.string(), { description: "The site's name, a key of http2." }),
  hostNames: field(z.array(z.string()), { description: "Its host names, keys of letsEncrypt and autoRedirect." }),
  sslEnabled: field(z.boolean(), { description: "Whether the site has SSL." }),
});

const outputs = {
  sites: field(z.array(field(site, { description: "A site of the hosting.", typeName: "LinuxHostingSite" })), { description: "The hosting's sites." }),
  ip: field(z.string().optional(), { description: "The hosting's IP address." }),
  ftpUsername: field(z.string().optional(), { description: "The FTP user name." }),
  sshHost: field(z.string().optional(), { description: "The host to connect to over SSH." }),
  sshUsername: field(z.string().optional(), { description: "The SSH user name." }),
};

const lower = (name: string) => name.toLowerCase();
const nonEmpty = <T>(map: Record<string, T>) => (Object.keys(map).length > 0 ? map : undefined);

/** The settings the hosting's detail shows, and its sites. */
export function settingsFromApi(data: LinuxHostingDetailData) {
  const sites = data.sites ?? [];
  const http2: Record<string, boolean> = {};
  const autoRedirect: Record<string, boolean> = {};
  const letsEncrypt: Record<string, boolean> = {};
  for (const s of sites) {
    if (typeof s.http2_enabled === "boolean") http2[lower(s.name)] = s.http2_enabled;
    for (const host of s.host_headers ?? []) {
      if (typeof s.https_redirect_enabled === "boolean") autoRedirect[lower(host.name)] = s.https_redirect_enabled;
      // A site without SSL has no certificate on any of its host names; one with SSL does not say which.
      if (s.ssl_enabled === false) letsEncrypt[lower(host.name)] = false;
    }
  }
  return {
    id: lower(data.domain_name),
    inputs: {
      domainName: lower(data.domain_name),
      phpVersion: data.php_version ?? undefined,
      ftpEnabled: data.ftp_enabled ?? undefined,
      http2: nonEmpty(http2),
      autoRedirect: nonEmpty(autoRedirect),
      letsEncrypt: nonEmpty(letsEncrypt),
    },
    outputs: {
      sites: sites.map((s) => ({ name: lower(s.name), hostNames: (s.host_headers ?? []).map((h) => lower(h.name)), sslEnabled: s.ssl_enabled === true })),
      ip: data.ip ?? undefined,
      ftpUsername: data.ftp_username ?? undefined,
      sshHost: data.ssh_host ?? undefined,
      sshUsername: data.ssh_username ?? undefined,
    },
  };
}

export const LinuxHostingSettings = defineResource({
  token: "hosting:combell:LinuxHostingSettings",
  importId: "<domainName>",
  importExample: "example.com",
  example: `
// Only what is set here is managed; every other setting of the hosting stays as it is.
new hosting.combell.LinuxHostingSettings("shop", {
  domainName: "shop.example.com",
  phpVersion: "8.3",
  gzipCompression: true,
  letsEncrypt: { "shop.example.com": true, "www.shop.example.com": true },
  autoRedirect: { "shop.example.com": true },
  http2: { "shop.example.com": true },
  sshEnabled: true,
});
`,
  destroy:
    "There is nothing to delete: destroy removes the settings from the stack with a warning, and the hosting keeps them as they are.",
  description:
    "The settings of a Linux hosting that exists (an Account's, whose servicepack has one): its PHP version, memory limit and APCu, GZIP, FTP and SSH, and per site or host name HTTP/2, Let's Encrypt and the HTTPS redirect. Only the settings the program sets are managed; the others stay as they are. Creating it adopts the hosting and applies them; an update applies only what changed, in the order the API needs; destroying it leaves the settings as they are, with a warning. GZIP, the memory limit, APCu and SSH cannot be read back (Combell does not show them); Let's Encrypt only in part. Its id is the hosting's domain name, as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  managesOnlySetInputs: true,
  describeUpdate: (_olds, _news, changes) =>
    changes.paths.length > 0 ? [`send ${changes.paths.join(", ")}, each with its own call${changes.has("phpVersion") ? ", after checking the PHP version is available" : ""}`] : [],
  async create(ctx, args) {
    const client = ctx.client.hostings;
    const domain = lower(args.domainName);
    const detail = await client.get(domain, ctx);
    if (!detail) {
      throw new InputError([
        { property: "domainName", reason: `Combell has no Linux hosting ${domain}: it comes with an Account whose servicepack includes one (see getServicepacks)` },
      ]);
    }
    // Nothing is created: each setting is a PUT of its whole value, which the API takes the same
    // way twice, so the HTTP client retries it after a lost answer instead of looking for it.
    ctx.created(domain);
    const settings = { ...args, domainName: domain } as HostingSettings;
    // Until each is sent, a failure records these as unknown, so the next `up` sends them.
    ctx.notYetApplied(WRITE_ONLY_SETTINGS.filter((p) => settings[p] !== undefined));
    await refuseWhatTheHostingCannotTake(client, detail, settings, everything, ctx);
    await applySettings(client, settings, everything, ctx, (pending) => ctx.notYetApplied(pending));
    const after = await client.get(domain, ctx);
    return { id: domain, outputs: settingsFromApi(after ?? detail).outputs };
  },
  async read(ctx, id) {
    const data = await ctx.client.hostings.get(id, ctx);
    return data && settingsFromApi(data);
  },
  async update(ctx, id, _olds, news, changes) {
    const client = ctx.client.hostings;
    const detail = await client.get(id, ctx);
    if (!detail) throw new Error(`Combell no longer has Linux hosting ${id}; run \`pulumi refresh\``);
    const settings = { ...news, domainName: id } as HostingSettings;
    const selection = changedIn(changes);
    await refuseWhatTheHostingCannotTake(client, detail, settings, selection, ctx);
    await applySettings(client, settings, selection, ctx);
    const after = await client.get(id, ctx);
    return settingsFromApi(after ?? detail).outputs;
  },
  async delete(ctx, id) {
    ctx.warn(`the settings of Linux hosting ${id} stay as they are: there is nothing to delete, and the provider no longer manages them.`);
  },
});
