import type { OperationContext } from "../../http/context";
import { z } from "zod";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import type { LinuxSiteData } from "./answers";
import { combellApi } from "./api";
import { domainScopedId, notADomainScopedId, parseDomainScopedId } from "./domain-scoped-id";
import { domainName, normalizeHostName } from "./rules";

const inputs = {
  domainName: field(domainName(), {
    description: "The Linux hosting the subsite is added to, by its domain name.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  siteName: field(domainName(), {
    description: "The subsite's domain name, such as alias.be or shop.example.com; the name of its site on the hosting.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  path: field(boundedString(1024).min(1, "must not be empty; leave path out for Combell's default folder").optional(), {
    description:
      "The folder the subsite serves, which must exist on the hosting already (Combell does not create it). Left out, Combell makes and uses its default folder (/subsites/{siteName}), and the folder is not managed.",
    replaceOnChanges: true,
  }),
};

const outputs = {
  hostNames: field(z.array(z.string()), { description: "The subsite's host names (keys of LinuxHostingSettings' letsEncrypt and autoRedirect)." }),
};

/** The id Pulumi keeps: the hosting and the subsite. */
const subsiteIdOf = domainScopedId;

const notASubsiteId = (id: string) => notADomainScopedId(id, "a subsite", "domainName/siteName", "shop.example.com/alias.be");

function parseId(id: string): { domain: string; site: string } | undefined {
  const parsed = parseDomainScopedId(id);
  return parsed && { domain: parsed.domain, site: parsed.name };
}

/** The API's site as a subsite. */
export function subsiteFromApi(domain: string, site: LinuxSiteData) {
  const name = site.name.toLowerCase();
  return {
    id: subsiteIdOf(domain, name),
    inputs: { domainName: domain, siteName: name, path: site.path ?? undefined },
    outputs: { hostNames: (site.host_headers ?? []).map((h) => h.name.toLowerCase()) },
  };
}

export const Subsite = defineResource({
  token: "hosting:combell:Subsite",
  importId: "<domainName>/<siteName>",
  importExample: "shop.example.com/alias.be",
  example: `
// Served from the folder /subsites/alias.be, which Combell makes.
new hosting.combell.Subsite("alias", { domainName: "shop.example.com", siteName: "alias.be" });
`,
  description:
    "A subsite of a Linux hosting: another domain (alias.be) or subdomain (shop.example.com) served from a folder of the hosting. The API cannot change a subsite: any change replaces it. Its id is `domainName/siteName` (example.com/shop.example.com), as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  // A name is one site on the hosting: a replacement that keeps it removes the old subsite first.
  uniqueKeys: (args) => [normalizeHostName(args.siteName) as string],
  // Left out, the folder is Combell's default, whatever Combell calls it.
  managesOnlySetInputs: true,
  async create(ctx, args) {
    const client = ctx.client.hostings;
    const domain = normalizeHostName(args.domainName) as string;
    const site = normalizeHostName(args.siteName) as string;
    const shown = async (look: OperationContext = ctx) => (await client.get(domain, look))?.sites?.find((s) => s.name.toLowerCase() === site);
    const id = subsiteIdOf(domain, site);
    // A name is one site or host name on the hosting, and sites carry no creation time: the name decides.
    await createOnce(ctx, {
      api: "Combell",
      subject: `subsite ${site} of ${domain}`,
      token: "hosting:combell:Subsite",
      importId: id,
      create: () => client.createSubsite(domain, { domain_name: site, ...(args.path !== undefined ? { path: args.path } : {}) }, ctx),
      candidates: async (look) => ((await shown(look)) ? [undefined] : []),
      describe: () => `subsite ${site}: recorded as ${id}`,
    });
    ctx.created(id);
    const found = await shown();
    if (!found) throw new Error(`Combell created subsite ${site}, but Linux hosting ${domain} does not show it (GET /v2/linuxhostings/${domain})`);
    return { id, outputs: subsiteFromApi(domain, found).outputs };
  },
  async read(ctx, id) {
    const parsed = parseId(id);
    if (!parsed) throw notASubsiteId(id);
    const site = (await ctx.client.hostings.get(parsed.domain, ctx))?.sites?.find((s) => s.name.toLowerCase() === parsed.site.toLowerCase());
    return site && subsiteFromApi(parsed.domain.toLowerCase(), site);
  },
  async delete(ctx, id, olds) {
    const parsed = parseId(id);
    const domain = olds.inputs.domainName ?? parsed?.domain;
    const site = olds.inputs.siteName ?? parsed?.site;
    // Nothing says which subsite: not done silently, or it would stay on the hosting unseen.
    if (!domain || !site) throw notASubsiteId(id);
    await ctx.client.hostings.deleteSubsite(domain, site, ctx);
  },
});
