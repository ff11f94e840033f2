// SSH keys and subsites of a Linux hosting through the real plugin process against the Combell
// sandbox, on the shared lifecycle table. Neither can be changed by the API: every change, the
// program's or one made outside Pulumi, replaces them (removing the old one first where the key
// or the site name stays).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { urnOf } from "../harness/plugin";
import { combellClient } from "../sandbox/combell-test-client";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { describeLifecycle } from "../support/lifecycle";

const SSH_KEY = "hosting:combell:SshKey";
const SUBSITE = "hosting:combell:Subsite";
const D = "keys.example.com";

// Made with `ssh-keygen -t ed25519` / `-t rsa -b 2048`; fingerprints from `ssh-keygen -l -E md5`.
const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA t@h";
const ED25519_MD5 = "2d:82:77:d2:be:27:4c:e3:f4:e7:1e:69:5e:2d:ad:45";
const RSA_KEY =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDGfjF3mkPwqi1yOwNSiGKtTfQzCE13GEz546qyoggfnCcmXk7Bf1mfNGCFHMDg6WWBJ3o2K3rFrQ5xRXcLemWaPI6bNWxG+G9ePHpn3L/31Nun79Qau34eWND7SxhCkZxdRxMskwQ2VIM+CrrVCBy/DpZyx8ARupSg26yZTskdZqYNguKfTW42LOZarrcnDSACmKiwq4dkW4B9SKZyDuYucEiuzCnaodjhWb+PO7aA7spe/uUAgMCfCpxiWHXnrCKyqgiqhnvLw6zSDq50UXX6D+IvSFFsRe8y7S70O/XfGZQgXA3PrTDhlVKF47FCly6iIklJkbRXAQMQUZjyzh1j rsa@h";
const RSA_MD5 = "2c:a8:2b:bf:57:b5:04:f0:2d:ed:37:3e:a5:69:98:8a";

let env: CombellEnvironment;

beforeAll(async () => {
  env = await startCombellEnvironment();
  await new Deployment(env.plugin, "fixtures").register("hosting:combell:Account", "base", { identifier: D, servicepackId: 3001 });
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const hosting = () => env.sandbox.store.linuxHostings.get(D)!;
const api = () => combellClient(env.sandbox);
const keyOf = (id: string) => hosting().ssh_keys.find((k) => `${D}/${k.fingerprint}` === id);
const siteOf = (id: string) => hosting().sites.find((s) => `${D}/${s.name}` === id);

describeLifecycle({
  type: SSH_KEY,
  name: "deploy",
  world,
  create: {
    inputs: () => ({ domainName: D, publicKey: ED25519_KEY }),
    verify: (state) => {
      expect(state.id).toBe(`${D}/${ED25519_MD5}`);
      expect(state.outputs.fingerprint).toBe(ED25519_MD5);
      expect(hosting().ssh_keys).toEqual([{ fingerprint: ED25519_MD5, public_key: ED25519_KEY }]);
    },
  },
  steps: [
    {
      title: "blanks around the key are no change",
      run: async ({ up }) => expect((await up({ domainName: D, publicKey: `  ${ED25519_KEY.replace(" ", "   ")}\n` })).op).toBe("same"),
    },
    {
      title: "another comment replaces the key, removing the old one first as the key itself stays",
      run: async ({ up, id }) => {
        const step = await up({ domainName: D, publicKey: ED25519_KEY.replace(/ t@h$/, " laptop") });
        expect(step.op).toBe("replace");
        expect(step.diff!.detailedDiff).toEqual({ publicKey: "update-replace" });
        expect(step.diff!.deleteBeforeReplace).toBe(true);
        expect(step.state!.id).toBe(id());
        expect(hosting().ssh_keys.map((k) => k.public_key)).toEqual([ED25519_KEY.replace(/ t@h$/, " laptop")]);
      },
    },
    {
      title: "a change made outside Pulumi is found by refresh, and up puts the key back by replacing it",
      run: async ({ up, id, state }) => {
        keyOf(id())!.public_key = ED25519_KEY.replace(/ t@h$/, " edited");
        await env.deployment.refresh(state().urn);
        const step = await up({ domainName: D, publicKey: ED25519_KEY.replace(/ t@h$/, " laptop") });
        expect(step.op).toBe("replace");
        expect(step.diff!.detailedDiff).toEqual({ publicKey: "update-replace" });
        expect(hosting().ssh_keys.map((k) => k.public_key)).toEqual([ED25519_KEY.replace(/ t@h$/, " laptop")]);
      },
    },
    {
      title: "refuses at Check what is not a public key on one line",
      run: async ({ up }) => {
        await expect(up({ domainName: D, publicKey: "-----BEGIN OPENSSH PRIVATE KEY-----" }, { preview: true })).rejects.toThrow(
          /publicKey: must be an OpenSSH public key on one line/,
        );
      },
    },
  ],
  replace: {
    inputs: () => ({ domainName: D, publicKey: RSA_KEY }),
    diff: { publicKey: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: async (id) => {
    expect(id).toBe(`${D}/${RSA_MD5}`);
    expect((await api()("DELETE", `/linuxhostings/${D}/ssh/keys/${id.split("/")[1]}`)).status).toBe(204);
  },
  exists: (id) => keyOf(id) !== undefined,
});

describeLifecycle({
  type: SUBSITE,
  name: "shop",
  world,
  create: {
    inputs: () => ({ domainName: D, siteName: "shop.keys.example.com" }),
    verify: (state) => {
      expect(state.id).toBe(`${D}/shop.keys.example.com`);
      // Left out, the folder is Combell's default, and not managed: the POST names none.
      expect(state.inputs.path).toBeUndefined();
      expect(siteOf(state.id)).toMatchObject({ path: "/subsites/shop.keys.example.com", subsite: true });
      expect(state.outputs.hostNames).toEqual(["shop.keys.example.com"]);
    },
  },
  steps: [
    {
      title: "another folder replaces the subsite, removing the old one first as its name stays",
      run: async ({ up, id }) => {
        const step = await up({ domainName: D, siteName: "shop.keys.example.com", path: "/www/shop" });
        expect(step.op).toBe("replace");
        expect(step.diff!.detailedDiff).toEqual({ path: "add-replace" });
        expect(step.diff!.deleteBeforeReplace).toBe(true);
        expect(step.state!.id).toBe(id());
        expect(siteOf(id())!.path).toBe("/www/shop");
      },
    },
    {
      title: "a change made outside Pulumi is found by refresh, and up puts the subsite back by replacing it",
      run: async ({ up, id, state }) => {
        siteOf(id())!.path = "/elsewhere";
        await env.deployment.refresh(state().urn);
        expect(state().inputs.path).toBe("/elsewhere");
        const step = await up({ domainName: D, siteName: "shop.keys.example.com", path: "/www/shop" });
        expect(step.op).toBe("replace");
        expect(siteOf(id())!.path).toBe("/www/shop");
      },
    },
  ],
  replace: {
    inputs: () => ({ domainName: D, siteName: "store.keys.example.com", path: "/www/shop" }),
    diff: { siteName: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: async (id) => {
    expect((await api()("DELETE", `/linuxhostings/${D}/subsites/${id.split("/")[1]}`)).status).toBe(204);
  },
  exists: (id) => siteOf(id) !== undefined,
});

describe("what the API refuses", () => {
  it("a second subsite of a name already in use is refused by Combell, naming siteName", async () => {
    const error = await env.deployment.register(SUBSITE, "clash", { domainName: D, siteName: `www.${D}` }).catch((e) => e);
    expect(error.message).toMatch(/siteName: Combell refused it: "domain_name" "www\.keys\.example\.com" is already a site or host name/);
    expect(error.initFailure).toBeUndefined();
  });

  it("a key attached already (a create whose read-back failed) is adopted with a warning, not refused", async () => {
    const OTHER = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXB x@h";
    const attached = await api()("POST", `/linuxhostings/${D}/ssh/keys`, { public_key: OTHER });
    expect(attached.status).toBe(201);
    const posts = () => env.sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith("/ssh/keys")).length;
    const before = posts();
    const step = await env.deployment.register(SSH_KEY, "adopted", { domainName: D, publicKey: OTHER.replace(/ x@h$/, " other comment") });
    expect(step.op).toBe("create");
    expect(posts()).toBe(before);
    expect(env.plugin.logs.some((l) => l.severity === "warning" && /attached to keys\.example\.com already .*adopted, not attached again/.test(l.message))).toBe(true);
    await env.deployment.delete(step.state!.urn);
    expect(hosting().ssh_keys.some((k) => k.public_key === OTHER)).toBe(false);
  });

  it("an SSH key for a hosting that does not exist fails without recording anything", async () => {
    const error = await env.deployment.register(SSH_KEY, "nowhere", { domainName: "nohosting.example.com", publicKey: RSA_KEY }).catch((e) => e);
    expect(error.message).toMatch(/404/);
    expect(error.initFailure).toBeUndefined();
  });
});

describe("an import id that is not domainName/name", () => {
  it.each([
    [SSH_KEY, "domainName/fingerprint"],
    [SUBSITE, "domainName/siteName"],
    ["hosting:combell:DnsRecord", "domainName/recordId"],
  ])("%s: refused naming the form the id takes, without asking Combell", async (type, form) => {
    const before = env.sandbox.requests.length;
    for (const id of [D, `${D}/`, `/${D}`]) {
      const error = await new Deployment(env.plugin, "bad-import").import(type, "bad", id).then(() => new Error("imported"), (e: Error) => e);
      expect(error.message).toContain(`"${id}" is not`);
      expect(error.message).toContain(`expected ${form}`);
    }
    expect(env.sandbox.requests.length).toBe(before);
  });
});

// A state an older version or a hand wrote, with the domain recorded as a number: the delete
// must go by the id, not to /linuxhostings/7/..., where it would find nothing and report the
// key gone while it stays on the hosting.
describe("a delete of a state that records the domain of another type", () => {
  it.each([
    [SSH_KEY, { domainName: D, publicKey: RSA_KEY }, () => hosting().ssh_keys.length],
    [SUBSITE, { domainName: D, siteName: `recorded.${D}` }, () => hosting().sites.length],
  ])("%s goes by its id", async (type, inputs, count) => {
    const deployment = new Deployment(env.plugin, "recorded");
    const step = await deployment.register(type, "recorded", inputs);
    const before = count();
    await env.plugin.delete(step.urn, step.state!.id, { ...step.state!.outputs, domainName: 7, siteName: 7, fingerprint: 7 });
    expect(count()).toBe(before - 1);
  });

  it.each([SSH_KEY, SUBSITE])("%s with nothing that says which refuses, and leaves everything as it was", async (type) => {
    const before = JSON.stringify(hosting());
    const error = await env.plugin.delete(urnOf(type, "unknowable"), "no-slash", { domainName: 7 }).catch((e: Error) => e);
    expect(String(error)).toMatch(/"no-slash" is not an? (SSH key|subsite) id/);
    expect(JSON.stringify(hosting())).toBe(before);
  });
});
