import type { OperationContext } from "../../http/context";
import { z } from "zod";
import { NotFoundError } from "../../http/errors";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import type { SshKeyData } from "./answers";
import { combellApi } from "./api";
import { domainScopedId, notADomainScopedId, parseDomainScopedId } from "./domain-scoped-id";
import { domainName, normalizeHostName, normalizePublicKey, publicKey, publicKeyData } from "./rules";

const inputs = {
  domainName: field(domainName(), {
    description: "The Linux hosting the key opens, by its domain name.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  publicKey: field(publicKey(), {
    description: 'The OpenSSH public key, on one line: "<type> <base64> [comment]", such as ssh-ed25519 AAAAC3... me@laptop.',
    replaceOnChanges: true,
    normalize: normalizePublicKey,
  }),
};

const outputs = {
  fingerprint: field(z.string(), { description: "The key's fingerprint, as Combell lists it; the key is deleted by it." }),
};

/** The id Pulumi keeps: the hosting and the fingerprint. */
const sshKeyIdOf = domainScopedId;

const notAnSshKeyId = (id: string) => notADomainScopedId(id, "an SSH key", "domainName/fingerprint", "example.com/43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8");

function parseId(id: string): { domain: string; fingerprint: string } | undefined {
  const parsed = parseDomainScopedId(id);
  return parsed && { domain: parsed.domain, fingerprint: parsed.name };
}

/** The API's key as the provider sees it. */
export function sshKeyFromApi(domain: string, data: SshKeyData) {
  return { id: sshKeyIdOf(domain, data.fingerprint), inputs: { domainName: domain, publicKey: data.public_key }, outputs: { fingerprint: data.fingerprint } };
}

export const SshKey = defineResource({
  token: "hosting:combell:SshKey",
  importId: "<domainName>/<fingerprint>",
  importExample: "example.com/43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8",
  example: `
const key = new hosting.combell.SshKey("laptop", {
  domainName: "shop.example.com",
  publicKey: config.require("laptopPublicKey"),
});

export const fingerprint = key.fingerprint;
`,
  description:
    "A public SSH key attached to a Linux hosting, for logging in to it over SSH (turn SSH on with LinuxHostingSettings' sshEnabled). The API cannot change a key: any change replaces it. Its id is `domainName/fingerprint`, the fingerprint as Combell lists it (example.com/2d:82:77:...), as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  // The same key cannot be attached twice: a replacement that keeps it (another comment) removes the old one first.
  uniqueKeys: (args) => [`${normalizeHostName(args.domainName)}/${publicKeyData(args.publicKey)}`],
  async create(ctx, args) {
    const client = ctx.client.hostings;
    const domain = normalizeHostName(args.domainName) as string;
    const wanted = publicKeyData(args.publicKey);
    const attached = (look: OperationContext = ctx) => client.listSshKeys(domain, look).then((keys) => keys.find((k) => publicKeyData(k.public_key) === wanted));
    // The same key attached already (a create whose read-back failed, or one made by hand) is
    // this resource: Combell would refuse it twice, and the key itself is all there is to it.
    let key = await attached();
    if (key) {
      ctx.warn(`this key was attached to ${domain} already (fingerprint ${key.fingerprint}): it is adopted, not attached again`);
    } else {
      // The 201 points at the hosting's keys, not at this one: its fingerprint is in the list,
      // where a key attached by a create whose answer was lost is found the same way.
      key = await createOnce(ctx, {
        api: "Combell",
        subject: `SSH key on ${domain}`,
        token: "hosting:combell:SshKey",
        importId: `${domain}/<fingerprint>`,
        create: async () => {
          await client.addSshKey(domain, normalizePublicKey(args.publicKey) as string, ctx);
          return attached();
        },
        candidates: async (look) => {
          const found = await attached(look);
          return found ? [found] : [];
        },
        describe: (found) => `the key: recorded as ${sshKeyIdOf(domain, found!.fingerprint)}`,
      });
    }
    if (!key) {
      throw new Error(
        `Combell attached the SSH key to ${domain} but does not list it (GET /v2/linuxhostings/${domain}/ssh/keys); the next \`pulumi up\` adopts it once it is listed`,
      );
    }
    const id = sshKeyIdOf(domain, key.fingerprint);
    ctx.created(id, { fingerprint: key.fingerprint });
    return { id, outputs: { fingerprint: key.fingerprint } };
  },
  async read(ctx, id) {
    const parsed = parseId(id);
    if (!parsed) throw notAnSshKeyId(id);
    // A hosting that is gone has no keys: the list answers 404.
    const keys = await ctx.client.hostings.listSshKeys(parsed.domain, ctx).catch((error: unknown) => {
      if (error instanceof NotFoundError) return [];
      throw error;
    });
    const key = keys.find((k) => k.fingerprint === parsed.fingerprint);
    return key && sshKeyFromApi(parsed.domain, key);
  },
  async delete(ctx, id, olds) {
    const parsed = parseId(id);
    const fingerprint = olds.outputs.fingerprint ?? parsed?.fingerprint;
    const domain = olds.inputs.domainName ?? parsed?.domain;
    // Nothing says which key: not done silently, or the key would stay on the hosting unseen.
    if (!fingerprint || !domain) throw notAnSshKeyId(id);
    await ctx.client.hostings.deleteSshKey(domain, fingerprint, ctx);
  },
});
