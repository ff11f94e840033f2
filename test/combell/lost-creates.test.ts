// A create whose answer is lost (the connection dropped, or a 5xx after Combell did the work) is
// never made twice: the provider finds what it asked for and records it, so the next `up` has
// nothing to create. Where Combell shows nothing yet (a provisioning job whose id was in the lost
// answer may still run), the error names the resource, says it may exist, and how to adopt it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { secret } from "../support/secrets";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";

const ACCOUNT = "hosting:combell:Account";
const D = "lost.example.com";
const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA t@h";

let env: CombellEnvironment;
let accountId = 0;

beforeAll(async () => {
  env = await startCombellEnvironment();
  accountId = Number((await new Deployment(env.plugin, "fixtures").register(ACCOUNT, "base", { identifier: D, servicepackId: 3001 })).state!.id);
});

afterAll(async () => {
  await env?.stop();
});

const store = () => env.sandbox.store;
const warningsOf = (d: Deployment, name: string) => env.plugin.logs.filter((l) => l.severity === "warning" && l.urn.startsWith(`urn:pulumi:${d.stack}::`) && l.urn.endsWith(`::${name}`)).map((l) => l.message);
const posts = (path: string) => env.sandbox.requests.filter((r) => r.method === "POST" && r.path === path).length;
const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 800 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(done()).toBe(true);
};

interface LostCase {
  what: string;
  type: string;
  path: string;
  /** The fault after Combell served the create; a provisioning job (150 ms here) ends well within its delay. */
  fault: { status?: number; drop?: boolean; delayMs?: number };
  inputs: () => Record<string, unknown>;
  /** What the sandbox holds of it, by the id the provider records. */
  made: () => string[];
}

const cases: LostCase[] = [
  {
    what: "account",
    type: ACCOUNT,
    path: "/v2/accounts",
    fault: { drop: true, delayMs: 2000 },
    inputs: () => ({ identifier: "lostaccount.example.com", servicepackId: 3002 }),
    made: () => [...store().accounts.values()].filter((a) => a.identifier === "lostaccount.example.com").map((a) => String(a.id)),
  },
  {
    what: "domain registration",
    type: "hosting:combell:Domain",
    path: "/v2/domains/registrations",
    fault: { status: 502, delayMs: 2000 },
    inputs: () => ({ domainName: "lost-registration.be" }),
    made: () => [...store().domains.keys()].filter((name) => name === "lost-registration.be"),
  },
  {
    what: "domain transfer",
    type: "hosting:combell:Domain",
    path: "/v2/domains/transfers",
    fault: { drop: true, delayMs: 2000 },
    inputs: () => ({ domainName: "lost-transfer.eu", transferAuthCode: secret("EPP-lost-42") }),
    made: () => [...store().domains.keys()].filter((name) => name === "lost-transfer.eu"),
  },
  {
    what: "MySQL database",
    type: "hosting:combell:MysqlDatabase",
    path: "/v2/mysqldatabases",
    fault: { status: 500, delayMs: 2000 },
    inputs: () => ({ databaseName: "lostdb", accountId, password: secret("Passw0rd111") }),
    made: () => [...store().mysqlDatabases.keys()].filter((name) => name.endsWith("_lostdb")),
  },
  {
    what: "DNS record",
    type: "hosting:combell:DnsRecord",
    path: `/v2/dns/${D}/records`,
    fault: { drop: true },
    inputs: () => ({ domainName: D, type: "MX", recordName: "@", content: "mx.lost.example.com", priority: 20 }),
    made: () => [...(store().dnsZones.get(D)?.values() ?? [])].filter((r) => r.content === "mx.lost.example.com").map((r) => `${D}/${r.id}`),
  },
  {
    what: "mailbox",
    type: "hosting:combell:Mailbox",
    path: "/v2/mailboxes",
    fault: { status: 500 },
    inputs: () => ({ emailAddress: `lost@${D}`, accountId, password: secret("Passw0rd111") }),
    made: () => [...store().mailboxes.keys()].filter((name) => name === `lost@${D}`),
  },
  {
    what: "SSH key",
    type: "hosting:combell:SshKey",
    path: `/v2/linuxhostings/${D}/ssh/keys`,
    fault: { drop: true },
    inputs: () => ({ domainName: D, publicKey: ED25519_KEY }),
    made: () => store().linuxHostings.get(D)!.ssh_keys.map((k) => `${D}/${k.fingerprint}`),
  },
  {
    what: "subsite",
    type: "hosting:combell:Subsite",
    path: `/v2/linuxhostings/${D}/subsites`,
    fault: { status: 503 },
    inputs: () => ({ domainName: D, siteName: "shop.lost.example.com" }),
    made: () => store().linuxHostings.get(D)!.sites.filter((s) => s.name === "shop.lost.example.com").map((s) => `${D}/${s.name}`),
  },
];

describe.each(cases)("a $what create whose answer is lost", ({ type, path, fault, inputs, made }) => {
  it("records the one Combell made, with a warning, and the next up creates nothing", async () => {
    const d = new Deployment(env.plugin, `lost-${path.split("/").at(-1)}`);
    const before = posts(path);
    env.sandbox.injectFault({ method: "POST", path: new RegExp(`^${path}$`), afterServing: true, ...fault });
    const step = await d.register(type, "lost", inputs());
    expect(posts(path)).toBe(before + 1);
    expect(made()).toEqual([step.state!.id]);
    expect(warningsOf(d, "lost").join("\n")).toMatch(/Combell's answer to the create was lost .*, but it had made .*: recorded/);
    const next = await d.register(type, "lost", inputs());
    expect(next.op).toBe("same");
    expect(posts(path)).toBe(before + 1);
    expect(made()).toEqual([step.state!.id]);
  });
});

describe("a lost create whose provisioning job has not finished when the provider looks", () => {
  const name = "stillrunning.example.com";
  const accounts = () => [...store().accounts.values()].filter((a) => a.identifier === name);

  it("keeps looking until Combell lists the account, then records it, and the next up creates nothing", async () => {
    const d = new Deployment(env.plugin, "lost-running");
    // The job outlasts the first look, however busy the machine.
    env.sandbox.setJobDuration(2500);
    env.sandbox.injectFault({ method: "POST", path: /^\/v2\/accounts$/, afterServing: true, status: 500 });
    const step = await d.register(ACCOUNT, "running", { identifier: name, servicepackId: 3002 }).finally(() => env.sandbox.setJobDuration(150));
    expect(accounts().map((a) => String(a.id))).toEqual([step.state!.id]);
    expect(warningsOf(d, "running").join("\n")).toMatch(/Combell's answer to the create was lost .*, but it had made account stillrunning\.example\.com: recorded/);
    expect(env.plugin.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/^the answer to the create of account stillrunning\.example\.com was lost: looking for it until it is listed/));
    expect((await d.register(ACCOUNT, "running", { identifier: name, servicepackId: 3002 })).op).toBe("same");
    expect(accounts()).toHaveLength(1);
  });

  it("when it is not listed within the create's time, fails saying it may be made all the same and how to import it", async () => {
    const d = new Deployment(env.plugin, "lost-late");
    const late = "stilllate.example.com";
    const lateAccounts = () => [...store().accounts.values()].filter((a) => a.identifier === late);
    env.sandbox.setJobDuration(5000);
    env.sandbox.injectFault({ method: "POST", path: /^\/v2\/accounts$/, afterServing: true, status: 500 });
    const error = await d
      .register(ACCOUNT, "late", { identifier: late, servicepackId: 3002 }, { timeout: 2 })
      .catch((e) => e)
      .finally(() => env.sandbox.setJobDuration(150));
    expect(error.message).toMatch(/POST \/v2\/accounts failed with 500/);
    expect(error.message).toContain(`Combell may have made the account ${late} all the same`);
    expect(error.message).toContain("pulumi import hosting:combell:Account late <account id>");
    expect(error.message).toMatch(/A provisioning job may still be making it: wait until Combell lists it, .* before running `pulumi up` again/);
    expect(d.state.has(d.urn(ACCOUNT, "late"))).toBe(false);
    await waitFor(() => lateAccounts().length === 1);
    await d.import(ACCOUNT, "late", String(lateAccounts()[0].id));
    expect((await d.register(ACCOUNT, "late", { identifier: late, servicepackId: 3002 })).op).toBe("same");
    expect(lateAccounts()).toHaveLength(1);
  });
});
