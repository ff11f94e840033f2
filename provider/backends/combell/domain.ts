import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { InputError } from "../../kit/errors";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import type { DomainData, DomainDetailData } from "./answers";
import { combellApi } from "./api";
import type { DomainCalls } from "./client-domains";
import { deletableId, readProvisioned, updatableId } from "./pending-job";
import { foundAs, provisioned, provisionedId, UNTIL_LISTED } from "./provisioned-create";
import { nameServer, normalizeHostName, registrableDomainName } from "./rules";

const inputs = {
  domainName: field(registrableDomainName(), {
    description:
      "The domain to register, or to transfer in: its domain part and TLD only, such as example.com. Also the resource's id, as `pulumi import` takes it. Combell registers `.ca` domains only for registrants with country code CA.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  nameServers: field(z.array(nameServer()).min(1, "must list at least one name server; leave nameServers out for Combell's default ones").optional(), {
    description:
      "The domain's name servers, such as ns1.example.net, in any order. Changed in place. Left out, the domain is registered (or transferred) on Combell's default name servers, and they are not managed.",
    unordered: true,
    normalize: (value) => (Array.isArray(value) ? value.map(normalizeHostName) : value),
  }),
  autoRenew: field(z.boolean().optional(), {
    description:
      "Whether Combell renews the domain when it expires. Changed in place, which Combell allows only while the domain's `canToggleRenew` is true (no unpaid invoices for it, its renewal not starting within a month, and an API user with the finance role). Left out, the renewal is not managed.",
  }),
  transferAuthCode: field(boundedString(4096).min(4, "must be at least 4 characters; leave transferAuthCode out to register the domain").optional(), {
    description:
      "The authorization code that lets the domain be transferred in from its current registrar; without it the domain is registered. Used only when the domain is created: a later change is recorded with a warning. Combell never returns it.",
    secret: true,
    writeOnly: true,
    onlyAtCreate: true,
  }),
};

const outputs = {
  expirationDate: field(z.string().optional(), { description: "When the domain expires (ISO-8601)." }),
  canToggleRenew: field(z.boolean().optional(), {
    description: "Whether Combell allows changing `autoRenew` now (left out of getDomains results).",
  }),
};

/** The API's domain as the provider sees it: GET /domains/{name}, or an item of GET /domains. */
export function domainFromApi(data: DomainDetailData | DomainData) {
  const detailed = "name_servers" in data || "can_toggle_renew" in data;
  const detail = data as DomainDetailData;
  return {
    id: data.domain_name,
    inputs: {
      domainName: data.domain_name,
      nameServers: detailed && detail.name_servers ? detail.name_servers.map((ns) => ns.name) : undefined,
      // No value: "the renewal state could not be determined at the moment".
      autoRenew: data.will_renew ?? undefined,
    },
    outputs: { expirationDate: data.expiration_date ?? undefined, canToggleRenew: detail.can_toggle_renew ?? undefined },
  };
}

/** Sets the renewal, when the domain allows it to change now. */
async function setRenewal(client: DomainCalls, domain: DomainDetailData, willRenew: boolean, ctx: OperationContext): Promise<void> {
  if (domain.will_renew === willRenew) return;
  if (domain.can_toggle_renew === false) {
    throw new InputError([
      {
        property: "autoRenew",
        reason: `Combell does not allow changing the renewal of ${domain.domain_name} now (can_toggle_renew is false: it has unpaid invoices, its renewal starts within a month, or the API user lacks the finance role); it stays ${domain.will_renew ? "on" : "off"}`,
      },
    ]);
  }
  await client.setRenewal(domain.domain_name, willRenew, ctx);
}

const IMPORT = "pulumi import hosting:combell:Domain";
const PENDING = { collection: "domains", subject: "domain" };

export const Domain = defineResource({
  token: "hosting:combell:Domain",
  importId: "<domainName>",
  importExample: "example.com",
  example: `
// Registered (no transferAuthCode), on the given name servers, renewed every year.
const domain = new hosting.combell.Domain("brand", {
  domainName: "example.com",
  nameServers: ["ns1.example.net", "ns2.example.net"],
  autoRenew: true,
});

export const expires = domain.expirationDate;
`,
  destroy:
    "Combell's API cannot delete a domain: destroy removes it from the stack with a warning, and the domain stays registered to the reseller with its renewal as it was. Set `autoRenew: false` and run `pulumi up` first to let it expire.",
  description:
    "A domain name in the reseller's portfolio, registered, or transferred in with its authorization code (`transferAuthCode`). Creating it starts a provisioning job the provider follows until the domain is there. Its name servers and its renewal change in place. The API cannot delete a domain and the provider never gives one up: destroying it only removes it from the stack, with a warning, leaving it registered and its renewal as it was (set `autoRenew: false` first to let it expire). Its id is the domain name, as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  timeouts: { create: 60 * 60 },
  // Left out, the name servers and the renewal are Combell's business, not the program's.
  managesOnlySetInputs: true,
  describeUpdate: (_olds, news, changes) => [
    ...(changes.has("nameServers") && news.nameServers ? ["set the name servers (PUT /domains/{name}/nameservers)"] : []),
    ...(changes.has("autoRenew") && news.autoRenew !== undefined ? [`turn the renewal ${news.autoRenew ? "on" : "off"} (PUT /domains/{name}/renew)`] : []),
    ...(changes.has("transferAuthCode") ? ["record the new transferAuthCode without using it (it matters only when the domain is created)"] : []),
  ],
  async create(ctx, args) {
    const client = ctx.client.domains;
    const name = args.domainName.toLowerCase();
    // After a create that timed out the domain may be there, unrecorded: registering it again is
    // refused, and transferring it again would be a second transfer.
    if (await client.get(name, ctx)) {
      throw new InputError([{ property: "domainName", reason: `${name} is in the reseller's portfolio already: adopt it with \`${IMPORT} <name> ${name}\`` }]);
    }
    const servers = args.nameServers ? { name_servers: args.nameServers.map((ns) => normalizeHostName(ns) as string) } : {};
    const transfer = args.transferAuthCode !== undefined;
    // The job's id was in a lost answer: the domain is found only once the job has finished.
    const answer = await createOnce(ctx, {
      api: "Combell",
      untilListed: UNTIL_LISTED,
      subject: `${transfer ? "transfer" : "registration"} of domain ${name}`,
      token: Domain.token,
      importId: name,
      create: () =>
        transfer ? client.transfer({ domain_name: name, auth_code: args.transferAuthCode!, ...servers }, ctx) : client.register({ domain_name: name, ...servers }, ctx),
      candidates: async (look) => ((await client.get(name, look)) ? [provisioned("domains", name)] : []),
      describe: foundAs(`domain ${name}`, "domains"),
    });
    const id = await provisionedId(ctx, {
      answer,
      collection: "domains",
      subject: `domain ${name}`,
      follow: (job, jobCtx) => ctx.client.followJob(job, `${transfer ? "transfer" : "register"} domain ${name}`, jobCtx),
      find: async (lookCtx) => ((await client.get(name, lookCtx)) ? name : undefined),
      importHint: `${IMPORT} <name> ${name}`,
    });
    const detail = await client.get(id, ctx);
    if (!detail) throw new Error(`domain ${id} was provisioned, but Combell does not know it (GET /v2/domains/${id} answered 404)`);
    if (args.autoRenew !== undefined) await setRenewal(client, detail, args.autoRenew, ctx);
    return { id, outputs: domainFromApi(detail).outputs };
  },
  async read(ctx, id) {
    return readProvisioned(ctx, id, PENDING, async (name) => {
      const data = await ctx.client.domains.get(name, ctx);
      return data && domainFromApi(data);
    });
  },
  async update(ctx, recordedId, _olds, news, changes) {
    const id = await updatableId(ctx, recordedId, PENDING);
    const client = ctx.client.domains;
    if (changes.has("transferAuthCode")) {
      ctx.warn("transferAuthCode is used only when the domain is created: the new value is recorded, and nothing is sent to Combell.");
    }
    const detail = await client.get(id, ctx);
    if (!detail) throw new Error(`domain ${id} is no longer in the reseller's portfolio; run \`pulumi refresh\``);
    // One the program stops setting is no change (managesOnlySetInputs): what changed is set.
    if (changes.has("nameServers") && news.nameServers) await client.setNameServers(id, news.nameServers.map((ns) => normalizeHostName(ns) as string), ctx);
    if (changes.has("autoRenew") && news.autoRenew !== undefined) await setRenewal(client, detail, news.autoRenew, ctx);
    return domainFromApi(detail).outputs;
  },
  async delete(ctx, recordedId) {
    const id = await deletableId(ctx, recordedId, PENDING);
    if (id === undefined) return;
    ctx.warn(
      `Combell's API cannot delete domains: ${id} stays registered to the reseller after it leaves the stack, and its renewal is unchanged. To let it expire, turn autoRenew off before removing it, or change it in the Combell control panel.`,
    );
  },
});
