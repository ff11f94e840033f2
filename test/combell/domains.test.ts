// Domains through the real plugin process against the Combell sandbox, on the shared lifecycle
// table: registration and transfer followed through their provisioning jobs, name servers and
// the renewal in place, and destroy that leaves the domain registered (the API deletes none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckFailedError } from "../harness/deployment";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, secret } from "../support/secrets";

const DOMAIN = "hosting:combell:Domain";

let env: CombellEnvironment;

beforeAll(async () => {
  env = await startCombellEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const store = () => env.sandbox.store;
const namesOf = (domain: string) => store().domains.get(domain)?.name_servers.map((ns) => ns.name);
const domain = (extra: Record<string, unknown> = {}) => ({ domainName: "register-me.be", nameServers: ["ns1.example.net", "ns2.example.net"], autoRenew: true, ...extra });

describeLifecycle({
  type: DOMAIN,
  name: "registered",
  world,
  create: {
    inputs: () => domain(),
    verify: (state) => {
      expect(state.id).toBe("register-me.be");
      expect(store().domains.get("register-me.be")).toMatchObject({ origin: "registration", will_renew: true });
      expect(namesOf("register-me.be")).toEqual(["ns1.example.net", "ns2.example.net"]);
      expect(state.outputs.expirationDate).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(state.outputs.canToggleRenew).toBe(true);
      expect(env.sandbox.requests.some((r) => r.method === "POST" && r.path === "/v2/domains/registrations")).toBe(true);
    },
  },
  updates: [
    {
      title: "the name servers with PUT .../nameservers (their order is no change)",
      inputs: () => domain({ nameServers: ["NS3.example.net.", "ns1.example.net"] }),
      diff: { nameServers: "update" },
      verify: async () => {
        expect(namesOf("register-me.be")).toEqual(["ns3.example.net", "ns1.example.net"]);
        expect((await env.deployment.register(DOMAIN, "registered", domain({ nameServers: ["ns1.example.net", "ns3.example.net"] }))).op).toBe("same");
      },
    },
    {
      title: "the renewal with PUT .../renew",
      inputs: () => domain({ nameServers: ["ns3.example.net", "ns1.example.net"], autoRenew: false }),
      diff: { autoRenew: "update" },
      verify: () => expect(store().domains.get("register-me.be")!.will_renew).toBe(false),
    },
  ],
  steps: [
    {
      title: "refuses to change the renewal while Combell does not allow it, naming autoRenew",
      run: async ({ up }) => {
        store().domains.get("register-me.be")!.can_toggle_renew = false;
        try {
          const error = await up(domain({ nameServers: ["ns3.example.net", "ns1.example.net"], autoRenew: true })).catch((e) => e);
          expect(error.message).toMatch(/autoRenew: Combell does not allow changing the renewal of register-me\.be now \(can_toggle_renew is false/);
          expect(store().domains.get("register-me.be")!.will_renew).toBe(false);
        } finally {
          store().domains.get("register-me.be")!.can_toggle_renew = true;
        }
      },
    },
    {
      title: "records a transferAuthCode given after creation with a warning, sending nothing",
      run: async ({ up, state }) => {
        const before = env.sandbox.requests.filter((r) => r.method !== "GET").length;
        const step = await up(domain({ nameServers: ["ns3.example.net", "ns1.example.net"], autoRenew: false, transferAuthCode: secret("late-code-1") }));
        expect(step.diff!.detailedDiff).toEqual({ transferAuthCode: "add" });
        expect(env.sandbox.requests.filter((r) => r.method !== "GET").length).toBe(before);
        expect(isSecret(state().outputs.transferAuthCode)).toBe(true);
        expect(env.plugin.logs.some((l) => l.severity === "warning" && /transferAuthCode is used only when the domain is created/.test(l.message))).toBe(true);
      },
    },
  ],
  outOfBand: {
    change: (id) => void (store().domains.get(id)!.name_servers = [{ name: "ns.elsewhere.org", ip: null }]),
    diff: { nameServers: "update" },
    verify: (id) => expect(namesOf(id)).toEqual(["ns3.example.net", "ns1.example.net"]),
  },
  importUnreadable: ["transferAuthCode"],
  exists: (id) => store().domains.has(id),
  destroyForgets: { warning: /cannot delete domains: register-me\.be stays registered to the reseller after it leaves the stack, and its renewal is unchanged/ },
});

describe("a transferred domain, and what Domain refuses", () => {
  it("is transferred in with its auth code, on Combell's default name servers, managing only what the program sets", async () => {
    const step = await env.deployment.register(DOMAIN, "moved", { domainName: "moved-in.eu", transferAuthCode: secret("EPP-code-42") });
    expect(step.state!.id).toBe("moved-in.eu");
    expect(store().domains.get("moved-in.eu")).toMatchObject({ origin: "transfer", auth_code: "EPP-code-42" });
    expect(namesOf("moved-in.eu")).toEqual(["ns1.combell.net", "ns2.combell.net", "ns3.combell.net"]);
    expect(env.sandbox.requests.some((r) => r.method === "POST" && r.path === "/v2/domains/transfers")).toBe(true);
    // Name servers and renewal are left to Combell: a change there is no drift.
    store().domains.get("moved-in.eu")!.will_renew = false;
    await env.deployment.refresh(step.urn);
    expect(env.deployment.state.get(step.urn)!.inputs).not.toHaveProperty("autoRenew");
    expect((await env.deployment.register(DOMAIN, "moved", { domainName: "moved-in.eu", transferAuthCode: secret("EPP-code-42") })).op).toBe("same");
  });

  it("refuses a domain already in the portfolio, saying how to import it", async () => {
    const error = await env.deployment.register(DOMAIN, "again", { domainName: "MOVED-in.eu" }).catch((e) => e);
    expect(error.message).toMatch(/domainName: moved-in\.eu is in the reseller's portfolio already: adopt it with `pulumi import hosting:combell:Domain <name> moved-in\.eu`/);
  });

  it("refuses at Check what Combell's rules refuse, naming the field", async () => {
    const failures = async (inputs: Record<string, unknown>) => {
      const error = await env.deployment.register(DOMAIN, "bad", inputs, { preview: true }).catch((e) => e);
      expect(error).toBeInstanceOf(CheckFailedError);
      return (error as CheckFailedError).failures;
    };
    expect(await failures({ domainName: "https://example.com" })).toEqual([
      { property: "domainName", reason: "must be a domain name of its domain part and TLD only, such as example.com (no www., scheme or trailing dot)" },
    ]);
    expect(await failures({ domainName: "ok.be", nameServers: [] })).toEqual([
      { property: "nameServers", reason: "must list at least one name server; leave nameServers out for Combell's default ones" },
    ]);
    expect(await failures({ domainName: "ok.be", nameServers: ["ns1.example.net", "not a host"] })).toEqual([
      { property: "nameServers[1]", reason: "must be a name server's host name such as ns1.example.net" },
    ]);
    expect(await failures({ domainName: "ok.be", transferAuthCode: "abc" })).toEqual([
      { property: "transferAuthCode", reason: "must be at least 4 characters; leave transferAuthCode out to register the domain" },
    ]);
  });
});

describe("getDomains", () => {
  it("lists the whole portfolio, following every page", async () => {
    for (let i = 0; i < 30; i++) {
      store().domains.set(`filler${i}.be`, {
        domain_name: `filler${i}.be`, expiration_date: "2030-01-01T00:00:00Z", will_renew: i % 2 === 0, can_toggle_renew: true,
        name_servers: [], registrant: null, origin: "registration", auth_code: null,
      });
    }
    const before = env.sandbox.requests.length;
    const { result } = await env.plugin.invoke("hosting:combell:getDomains", {});
    const domains = result.domains as { id: string; domainName: string; autoRenew?: boolean; expirationDate?: string }[];
    expect(domains.length).toBe(store().domains.size);
    expect(domains).toContainEqual({ id: "filler3.be", domainName: "filler3.be", autoRenew: false, expirationDate: "2030-01-01T00:00:00Z" });
    expect(env.sandbox.requests.slice(before).filter((r) => r.path === "/v2/domains").length).toBeGreaterThanOrEqual(2);
  });
});
