// Mailboxes through the real plugin process against the Combell sandbox, on the shared
// lifecycle table, and the functions that list them and their mail zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { combellClient } from "../sandbox/combell-test-client";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, plainText, secret } from "../support/secrets";

const MAILBOX = "hosting:combell:Mailbox";
const D = "mail.example.com";

let env: CombellEnvironment;
let accountId = 0;
let mailOnlyAccountId = 0;

beforeAll(async () => {
  // Two to a page, so every list is followed across pages.
  env = await startCombellEnvironment({ pageSize: 2 });
  const fixtures = new Deployment(env.plugin, "fixtures");
  accountId = Number((await fixtures.register("hosting:combell:Account", "base", { identifier: D, servicepackId: 3001 })).state!.id);
  mailOnlyAccountId = Number((await fixtures.register("hosting:combell:Account", "mailonly", { identifier: "other.example.com", servicepackId: 3002 })).state!.id);
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const mailbox = (id: string) => env.sandbox.store.mailboxes.get(id);
const api = () => combellClient(env.sandbox);
const inputs = (password: string, extra: Record<string, unknown> = {}) => ({ emailAddress: `info@${D}`, accountId, password: secret(password), ...extra });
const reply = { enabled: true, subject: "Away", message: "Back on Monday." };
const forward = { enabled: true, emailAddresses: ["Desk@Example.org", "team@example.org"], copyToMyself: true };

describeLifecycle({
  type: MAILBOX,
  name: "info",
  world,
  create: {
    inputs: () => inputs("Passw0rd111"),
    verify: (state) => {
      expect(state.id).toBe(`info@${D}`);
      // The address goes in the path as Combell's own client sends it, "@" unencoded.
      expect(env.sandbox.requests.some((r) => r.method === "GET" && r.path === `/v2/mailboxes/info@${D}`)).toBe(true);
      expect(mailbox(state.id)).toMatchObject({ account_id: accountId, password: "Passw0rd111" });
      expect(state.outputs).toMatchObject({ login: `info@${D}`, maxSize: 2048, actualSize: 0 });
      expect(isSecret(state.outputs.password)).toBe(true);
      expect(plainText(state)).not.toContain("Passw0rd111");
      // Auto-reply and auto-forward are left alone when the program does not set them.
      expect(state.inputs.autoReply).toBeUndefined();
    },
  },
  updates: [
    {
      title: "the password changes through its own call",
      inputs: () => inputs("Passw0rd222"),
      diff: { password: "update" },
      verify: () => expect(mailbox(`info@${D}`)!.password).toBe("Passw0rd222"),
    },
    {
      title: "an auto-reply and an auto-forward are set",
      inputs: () => inputs("Passw0rd222", { autoReply: reply, autoForward: forward }),
      diff: { autoReply: "add", autoForward: "add" },
      verify: () => {
        expect(mailbox(`info@${D}`)!.auto_reply).toEqual({ enabled: true, subject: "Away", message: "Back on Monday." });
        expect(mailbox(`info@${D}`)!.auto_forward).toEqual({ enabled: true, email_addresses: ["desk@example.org", "team@example.org"], copy_to_myself: true });
      },
    },
    {
      title: "the auto-reply is turned off, field by field",
      inputs: () => inputs("Passw0rd222", { autoReply: { ...reply, enabled: false }, autoForward: forward }),
      diff: { "autoReply.enabled": "update" },
      verify: () => expect(mailbox(`info@${D}`)!.auto_reply.enabled).toBe(false),
    },
  ],
  steps: [
    {
      title: "forward addresses in another order or case are no change",
      run: async ({ up }) => {
        const step = await up(inputs("Passw0rd222", { autoReply: { ...reply, enabled: false }, autoForward: { ...forward, emailAddresses: ["TEAM@example.org", "desk@example.org"] } }));
        expect(step.op).toBe("same");
      },
    },
    {
      title: "refuses at Check an enabled auto-reply without a message, a repeated forward and a bad password, naming each",
      run: async ({ up }) => {
        const error = await up(
          inputs("short", { autoReply: { enabled: true, subject: "x" }, autoForward: { enabled: true, emailAddresses: ["a@example.org", "A@example.org"] } }),
          { preview: true },
        ).catch((e) => e);
        expect(error.message).toMatch(/password: must be 8 to 20 characters/);
        expect(error.message).toMatch(/autoReply\.message: is required while the auto-reply is enabled/);
        expect(error.message).toMatch(/autoForward\.emailAddresses\[1\]: lists a@example\.org twice/);
        expect(error.message).not.toContain("short");
      },
    },
  ],
  outOfBand: {
    change: (id) => {
      mailbox(id)!.auto_forward = { enabled: false, email_addresses: [], copy_to_myself: false };
    },
    diff: { "autoForward.enabled": "update", "autoForward.emailAddresses": "update", "autoForward.copyToMyself": "update" },
    verify: (id) => expect(mailbox(id)!.auto_forward.enabled).toBe(true),
  },
  importUnreadable: ["accountId", "password"],
  replace: {
    inputs: () => inputs("Passw0rd222", { emailAddress: `sales@${D}` }),
    diff: { emailAddress: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: async (id) => {
    expect((await api()("DELETE", `/mailboxes/${id}`)).status).toBe(204);
  },
  exists: (id) => mailbox(id) !== undefined,
});

describe("what the API refuses", () => {
  it("an address outside the account's domain is refused by Combell, naming emailAddress, and nothing is recorded", async () => {
    const error = await env.deployment.register(MAILBOX, "stray", { emailAddress: "info@elsewhere.example.com", accountId, password: secret("Passw0rd444") }).catch((e) => e);
    expect(error.message).toMatch(/emailAddress: Combell refused it: .*must be an address of the account's domain mail\.example\.com/);
    expect(error.message).not.toContain("Passw0rd444");
    expect(error.initFailure).toBeUndefined();
  });

  it("an auto-forward refused after the mailbox was created leaves the mailbox recorded, and the next up finishes it", async () => {
    const name = `loop@${D}`;
    const failing = { emailAddress: name, accountId, password: secret("Passw0rd555"), autoForward: { enabled: true, emailAddresses: [name] } };
    const error = await env.deployment.register(MAILBOX, "loop", failing).catch((e) => e);
    expect(error.message).toMatch(/autoForward: Combell refused it: .*cannot forward loop@mail\.example\.com to itself/);
    expect(error.initFailure?.id).toBe(name);
    expect(mailbox(name)).toBeDefined();
    const fixed = await env.deployment.register(MAILBOX, "loop", { ...failing, autoForward: { enabled: true, emailAddresses: ["desk@example.org"] } });
    expect(fixed.op).toBe("update");
    expect(mailbox(name)!.auto_forward.email_addresses).toEqual(["desk@example.org"]);
    await env.deployment.delete(env.deployment.urn(MAILBOX, "loop"));
    expect(mailbox(name)).toBeUndefined();
  });
});

describe("functions", () => {
  it("getMailboxes lists a domain's mailboxes to the last page, without passwords", async () => {
    for (const n of [1, 2, 3]) await env.deployment.register(MAILBOX, `list${n}`, { emailAddress: `list${n}@${D}`, accountId, password: secret("Passw0rd666") });
    const { result } = await env.plugin.invoke("hosting:combell:getMailboxes", { domainName: D });
    const names = (result.mailboxes as { id: string }[]).map((m) => m.id);
    expect(names).toEqual(expect.arrayContaining([`list1@${D}`, `list2@${D}`, `list3@${D}`]));
    expect(env.sandbox.requests.filter((r) => r.method === "GET" && r.path === "/v2/mailboxes").length).toBeGreaterThanOrEqual(2);
    expect(result.mailboxes[0]).toMatchObject({ maxSize: 2048, actualSize: 0 });
    expect(result.mailboxes[0]).not.toHaveProperty("password");
    expect(JSON.stringify(result)).not.toContain("Passw0rd666");
    await env.deployment.destroyAll();
    expect(env.sandbox.store.mailboxes.size).toBe(0);
  });

  it("getMailZone gives the accounts a mailbox can be created in, and names a domain without one", async () => {
    expect((await env.plugin.invoke("hosting:combell:getMailZone", { domainName: D })).result).toEqual({ enabled: true, accounts: [{ accountId, sizeMb: 10240 }] });
    expect((await env.plugin.invoke("hosting:combell:getMailZone", { domainName: "other.example.com" })).result).toMatchObject({ accounts: [{ accountId: mailOnlyAccountId }] });
    await expect(env.plugin.invoke("hosting:combell:getMailZone", { domainName: "nomail.example.com" })).rejects.toThrow(/nomail\.example\.com has no mail zone/);
  });
});
