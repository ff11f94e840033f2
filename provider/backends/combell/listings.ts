import type { ResourceContext } from "../../kit/context";
import { defineListing } from "../../kit/listing";
import type { CombellClient } from "./client";
import { domainScopedId } from "./domain-scoped-id";
import { LinuxHostingSettings } from "./linux-hosting-settings";
import { isHostName } from "./rules";
import { SshKey } from "./ssh-key";
import { Subsite } from "./subsite";

// How the kinds the API lists only inside a Linux hosting are found: every hosting, then what
// each shows. The domains whose DNS records and mailboxes a reseller has are its portfolio's and
// its accounts' (an account's identifier is its hosting's domain, often registered elsewhere).

type Context = ResourceContext<CombellClient>;

/** Every domain the reseller may have a DNS zone or a mail zone for, each once, lowercased. */
export async function everyDomain(ctx: Context): Promise<string[]> {
  const [domains, accounts] = await Promise.all([ctx.client.domains.list(ctx), ctx.client.listAccounts({}, ctx)]);
  const names = [...domains.map((d) => d.domain_name), ...accounts.map((a) => a.identifier).filter(isHostName)];
  return [...new Set(names.map((n) => n.toLowerCase()))].sort();
}

async function everyHosting(ctx: Context): Promise<string[]> {
  return (await ctx.client.hostings.list(ctx)).map((h) => h.domain_name.toLowerCase());
}

export const hostingSettingsListing = defineListing({
  resource: LinuxHostingSettings,
  // The settings of a hosting exist with it: one per hosting, its id the hosting's domain.
  ids: everyHosting,
});

export const sshKeyListing = defineListing({
  resource: SshKey,
  async ids(ctx: Context) {
    const ids: string[] = [];
    for (const domain of await everyHosting(ctx)) {
      for (const key of await ctx.client.hostings.listSshKeys(domain, ctx)) ids.push(domainScopedId(domain, key.fingerprint));
    }
    return ids;
  },
});

export const subsiteListing = defineListing({
  resource: Subsite,
  async ids(ctx: Context) {
    const ids: string[] = [];
    for (const domain of await everyHosting(ctx)) {
      const sites = (await ctx.client.hostings.get(domain, ctx))?.sites ?? [];
      // The hosting's own site is the hosting, not a subsite.
      for (const site of sites) if (site.name.toLowerCase() !== domain) ids.push(domainScopedId(domain, site.name.toLowerCase()));
    }
    return ids;
  },
});
