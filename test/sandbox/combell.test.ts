// Tests of the Combell (reseller API) sandbox over real HTTP: provisioning jobs,
// paging, the rate limit, DNS records, and out-of-band changes to the store. If
// the sandbox accepted what the real API rejects, or answered in another shape,
// the provider's tests would pass for the wrong reasons.
import { request as httpRequest } from "node:http";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startCombellSandbox, type CombellSandbox, type CombellSandboxOptions } from "./combell";
import { combellClient, provision, signedAuthorization, waitForJob, type Call } from "./combell-test-client";

let counter = 0;
const uniqueDomain = (prefix = "site") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}.be`;
const HOSTING_PACK = 3001;
const DOMAIN_PACK = 3003;

async function withSandbox(options: CombellSandboxOptions, test: (api: Call, sandbox: CombellSandbox) => Promise<void>) {
  const own = await startCombellSandbox({ jobDurationMs: 30, ...options });
  try {
    await test(combellClient(own, options.clock), own);
  } finally {
    await own.close();
  }
}

/** An account (through its job); returns its id and identifier. */
async function createAccount(api: Call, servicepackId = HOSTING_PACK, identifier = uniqueDomain()) {
  const done = await provision(api, "/accounts", { identifier, servicepack_id: servicepackId, ftp_password: "ftpPass123" });
  expect(done.status, done.text).toBe(201);
  const link: string = done.body.resource_links[0];
  return { id: Number(link.split("/").pop()), identifier, link };
}

/** The raw header names of an answer, as sent (fetch lowercases them all). */
function rawHeaderNames(sandbox: CombellSandbox, method: string, path: string, body = ""): Promise<{ status: number; names: string[] }> {
  return new Promise((resolve, reject) => {
    const authorization = signedAuthorization(sandbox, method, path, body, `raw-${counter++}`, Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { Authorization: authorization, ...(body ? { "Content-Type": "application/json" } : {}) };
    const req = httpRequest(`${sandbox.url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, names: res.rawHeaders.filter((_, i) => i % 2 === 0) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("Combell sandbox", () => {
  let sandbox: CombellSandbox;
  let api: Call;

  beforeAll(async () => {
    sandbox = await startCombellSandbox({ jobDurationMs: 150 });
    api = combellClient(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  describe("protocol", () => {
    it("serves under /v2 of the origin it reports", async () => {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const packs = await api("GET", "/servicepacks");
      expect(packs.status).toBe(200);
      expect(packs.body).toEqual([
        { id: 3001, name: "Linux hosting Basic" },
        { id: 3002, name: "Mail only" },
        { id: 3003, name: "Domain name" },
      ]);
      expect(sandbox.requests.at(-1)).toMatchObject({ method: "GET", path: "/v2/servicepacks", status: 200 });
    });

    it("answers 405 with Allow for a known path asked with another method, in the API's error shape", async () => {
      const answer = await api("DELETE", "/accounts");
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe("GET, POST");
      expect(answer.body).toEqual({ error_code: "method_not_allowed", error_text: expect.any(String) });
    });

    it("refuses a body without a JSON content type (415), malformed JSON and non-objects (400)", async () => {
      const text = await api("POST", "/accounts", undefined, { rawBody: "{}", contentType: "text/plain" });
      expect(text.status).toBe(415);
      const none = await api("POST", "/accounts", undefined, { rawBody: "{}", contentType: null });
      expect(none.status).toBe(415);
      const malformed = await api("POST", "/accounts", undefined, { rawBody: "{nope" });
      expect(malformed.status).toBe(400);
      expect(malformed.body.validation_errors).toEqual([{ error_code: "invalid_json", error_text: expect.stringContaining("Malformed JSON") }]);
      const list = await api("POST", "/accounts", [1, 2]);
      expect(list.body).toEqual({ validation_errors: [{ error_code: "invalid_type", error_text: "The request body must be a JSON object." }] });
      expect((await api("PUT", "/domains/x.be/renew", undefined, { rawBody: "", contentType: "application/json" })).status).toBe(400);
    });
  });

  describe("provisioning jobs", () => {
    it("creates an account through a job: 202 with location, ongoing with an estimate, then 201 with its link", async () => {
      const identifier = uniqueDomain("job");
      const before = Date.now();
      const started = await api("POST", "/accounts", { identifier, servicepack_id: HOSTING_PACK, ftp_password: "ftpPass123" });
      expect(started.status, started.text).toBe(202);
      expect(started.text).toBe("");
      const location = started.headers.get("location")!;
      expect(location).toMatch(/^\/v2\/provisioningjobs\/[0-9a-f-]{36}$/);
      expect(started.headers.get("retry-after")).toBe("1");

      const ongoing = await api("GET", location.slice(3));
      expect(ongoing.status).toBe(200);
      expect(ongoing.body).toEqual({ id: location.split("/").pop(), status: "ongoing", completion: { estimate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) } });
      expect(Date.parse(ongoing.body.completion.estimate)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(ongoing.headers.get("retry-after")).toBe("1");
      expect([...sandbox.store.accounts.values()].some((a) => a.identifier === identifier)).toBe(false);
      expect(sandbox.store.linuxHostings.has(identifier)).toBe(false);

      const done = await waitForJob(api, location);
      expect(done.status).toBe(201);
      expect(done.body).toEqual({ id: ongoing.body.id, resource_links: [expect.stringMatching(/^\/v2\/accounts\/\d+$/)] });
      expect(done.headers.get("location")).toBe(done.body.resource_links[0]);
      const id = Number(done.body.resource_links[0].split("/").pop());
      expect(sandbox.store.accounts.get(id)).toMatchObject({ identifier, servicepack_id: HOSTING_PACK, ftp_password: "ftpPass123" });
      expect(sandbox.store.linuxHostings.get(identifier)).toMatchObject({ account_id: id, domain_name: identifier });
      expect(sandbox.store.dnsZones.has(identifier)).toBe(true);

      const account = await api("GET", `/accounts/${id}`);
      expect(account.body).toEqual({ id, identifier, servicepack: { id: HOSTING_PACK, name: "Linux hosting Basic" }, addons: [] });
      // Once finished, the job keeps answering 201.
      expect((await api("GET", location.slice(3))).status).toBe(201);
    });

    it("sends location and retry-after with lower-case names, as the real API may", async () => {
      const body = JSON.stringify({ identifier: uniqueDomain("raw"), servicepack_id: DOMAIN_PACK });
      const { status, names } = await rawHeaderNames(sandbox, "POST", "/v2/accounts", body);
      expect(status).toBe(202);
      expect(names).toContain("location");
      expect(names).toContain("retry-after");
      expect(names).not.toContain("Location");
    });

    it("ends a job failed or cancelled when told, creating nothing and freeing the name", async () => {
      for (const outcome of ["failed", "cancelled"] as const) {
        const identifier = uniqueDomain(outcome);
        sandbox.failNextJob(outcome);
        const done = await provision(api, "/accounts", { identifier, servicepack_id: HOSTING_PACK, ftp_password: "ftpPass123" });
        expect(done.status).toBe(200);
        expect(done.body).toEqual({ id: expect.any(String), status: outcome, completion: { estimate: expect.any(String) } });
        expect(done.headers.get("retry-after")).toBeNull();
        expect(sandbox.store.linuxHostings.has(identifier)).toBe(false);
        expect(sandbox.store.jobs.get(done.body.id)).toMatchObject({ kind: "account", status: outcome });
        // Only the next job: a retry succeeds.
        const retry = await provision(api, "/accounts", { identifier, servicepack_id: HOSTING_PACK, ftp_password: "ftpPass123" });
        expect(retry.status).toBe(201);
      }
    });

    it("refuses a second create of the same thing while the first job is ongoing", async () => {
      const identifier = uniqueDomain("twice");
      const first = await api("POST", "/accounts", { identifier, servicepack_id: DOMAIN_PACK });
      expect(first.status).toBe(202);
      const second = await api("POST", "/accounts", { identifier, servicepack_id: DOMAIN_PACK });
      expect(second.status).toBe(400);
      expect(second.body.validation_errors).toEqual([{ error_code: "already_exists", error_text: expect.stringMatching(/^"identifier" /) }]);
      await waitForJob(api, first.headers.get("location")!);
      expect((await api("POST", "/accounts", { identifier, servicepack_id: DOMAIN_PACK })).status).toBe(400);
    });

    it("answers 404 for an unknown job", async () => {
      const answer = await api("GET", "/provisioningjobs/00000000-0000-4000-8000-000000000000");
      expect(answer.status).toBe(404);
      expect(answer.body.error_code).toBe("not_found");
    });

    it("takes its duration from setJobDuration and its times from the clock option", async () => {
      let now = Date.UTC(2031, 5, 1, 12, 0, 0);
      await withSandbox({ clock: () => now, jobDurationMs: 60_000, retryAfterSeconds: 7 }, async (own, ownSandbox) => {
        const started = await own("POST", "/accounts", { identifier: uniqueDomain("clock"), servicepack_id: DOMAIN_PACK });
        expect(started.headers.get("retry-after")).toBe("7");
        const path = started.headers.get("location")!.slice(3);
        const ongoing = await own("GET", path);
        expect(ongoing.body.completion.estimate).toBe("2031-06-01T12:01:00Z");
        await new Promise((resolve) => setTimeout(resolve, 60));
        expect((await own("GET", path)).body.status).toBe("ongoing");
        now += 60_000;
        expect((await own("GET", path)).status).toBe(201);

        ownSandbox.setJobDuration(0);
        const quick = await own("POST", "/accounts", { identifier: uniqueDomain("quick"), servicepack_id: DOMAIN_PACK });
        expect((await own("GET", quick.headers.get("location")!.slice(3))).status).toBe(201);
      });
    });
  });

  describe("paging", () => {
    it("pages a list of 60 DNS records with the X-Paging headers, capping take at the page size", async () => {
      const { identifier } = await createAccount(api, DOMAIN_PACK);
      for (let i = 0; i < 60; i++) {
        const created = await api("POST", `/dns/${identifier}/records`, { type: "TXT", record_name: `r${i}`, content: `value ${i}` });
        expect(created.status, created.text).toBe(201);
      }
      const paging = (answer: { headers: Headers }) =>
        ["x-paging-skipped", "x-paging-take", "x-paging-totalresults"].map((h) => answer.headers.get(h));

      const first = await api("GET", `/dns/${identifier}/records`);
      expect(first.body).toHaveLength(25);
      expect(paging(first)).toEqual(["0", "25", "60"]);
      const last = await api("GET", `/dns/${identifier}/records?skip=50&take=25`);
      expect(last.body).toHaveLength(10);
      expect(paging(last)).toEqual(["50", "10", "60"]);
      expect(last.body[9].record_name).toBe("r59");
      const capped = await api("GET", `/dns/${identifier}/records?take=100`);
      expect(paging(capped)).toEqual(["0", "25", "60"]);
      const small = await api("GET", `/dns/${identifier}/records?skip=10&take=5`);
      expect(small.body.map((r: any) => r.record_name)).toEqual(["r10", "r11", "r12", "r13", "r14"]);
      const beyond = await api("GET", `/dns/${identifier}/records?skip=80`);
      expect(beyond.body).toEqual([]);
      expect(paging(beyond)).toEqual(["80", "0", "60"]);

      for (const bad of ["skip=-1", "take=0", "take=ten", "skip=1&skip=2"]) {
        const answer = await api("GET", `/dns/${identifier}/records?${bad}`);
        expect(answer.status, bad).toBe(400);
        expect(answer.body.validation_errors[0].error_text).toMatch(/^"(skip|take)" /);
      }
    });

    it("honours a larger page size when configured, and pages every list", async () => {
      await withSandbox({ pageSize: 40 }, async (own, ownSandbox) => {
        for (let i = 0; i < 45; i++) {
          ownSandbox.store.accounts.set(i + 1, { id: i + 1, identifier: `a${i}.be`, servicepack_id: DOMAIN_PACK, addons: [], ftp_password: null });
        }
        const asked = await own("GET", "/accounts?take=100");
        expect(asked.body).toHaveLength(40);
        expect(asked.headers.get("x-paging-take")).toBe("40");
        const defaulted = await own("GET", "/accounts");
        expect(defaulted.headers.get("x-paging-take")).toBe("25");
        for (const path of ["/servicepacks", "/domains", "/linuxhostings", "/mysqldatabases", "/mailboxes?domain_name=a0.be", "/ssh"]) {
          const answer = await own("GET", path);
          expect(answer.headers.get("x-paging-totalresults"), path).not.toBeNull();
        }
      });
    });
  });

  describe("rate limit", () => {
    it("sends X-RateLimit-* on every answer and a 429 with Retry-After past the limit, per window", async () => {
      let now = Date.UTC(2032, 0, 1);
      await withSandbox({ rateLimit: { limit: 3, windowMs: 10_000 }, clock: () => now }, async (own) => {
        const limits = (answer: { headers: Headers }) =>
          ["x-ratelimit-limit", "x-ratelimit-usage", "x-ratelimit-remaining", "x-ratelimit-reset"].map((h) => answer.headers.get(h));
        const first = await own("GET", "/servicepacks");
        expect(limits(first)).toEqual(["3", "1", "2", "10"]);
        now += 4_000;
        const unauthorized = await own("GET", "/servicepacks", undefined, { apiSecret: "wrong" });
        expect(unauthorized.status).toBe(401);
        expect(limits(unauthorized)).toEqual(["3", "2", "1", "6"]);
        expect(limits(await own("GET", "/servicepacks"))).toEqual(["3", "3", "0", "6"]);
        const limited = await own("GET", "/servicepacks");
        expect(limited.status).toBe(429);
        expect(limited.headers.get("retry-after")).toBe("6");
        expect(limits(limited)).toEqual(["3", "3", "0", "6"]);
        expect(limited.body).toEqual({ error_code: "too_many_requests", error_text: expect.stringContaining("Too many requests, retry later") });
        now += 6_000;
        const again = await own("GET", "/servicepacks");
        expect(again.status).toBe(200);
        expect(limits(again)).toEqual(["3", "1", "2", "10"]);
      });
    });

    it("sends no rate-limit headers when none is configured", async () => {
      expect((await api("GET", "/servicepacks")).headers.get("x-ratelimit-limit")).toBeNull();
    });
  });

  describe("DNS records", () => {
    let zone: string;
    beforeAll(async () => {
      zone = (await createAccount(api, DOMAIN_PACK)).identifier;
    });

    it("creates a record with 201 and the record's Location, no body; reads, updates and deletes it", async () => {
      const created = await api("POST", `/dns/${zone}/records`, { type: "A", record_name: "www", content: "192.0.2.10", ttl: 600 });
      expect(created.status, created.text).toBe(201);
      expect(created.text).toBe("");
      const location = created.headers.get("location")!;
      expect(location).toMatch(new RegExp(`^/v2/dns/${zone.replace(".", "\\.")}/records/[0-9a-f]{32}$`));
      const id = location.split("/").pop()!;
      const read = await api("GET", location.slice(3));
      expect(read.body).toEqual({
        id, type: "A", record_name: "www", ttl: 600, content: "192.0.2.10",
        priority: null, service: null, weight: null, target: null, protocol: null, port: null,
      });
      const updated = await api("PUT", location.slice(3), { id, type: "A", record_name: "www", content: "192.0.2.11" });
      expect(updated.status).toBe(200);
      expect(updated.text).toBe("");
      expect((await api("GET", location.slice(3))).body).toMatchObject({ content: "192.0.2.11", ttl: 3600 });
      expect((await api("DELETE", location.slice(3))).status).toBe(204);
      expect((await api("GET", location.slice(3))).status).toBe(404);
    });

    it("filters by type, and by record_name or service only together with a type", async () => {
      await api("POST", `/dns/${zone}/records`, { type: "TXT", record_name: "filter", content: "hello" });
      await api("POST", `/dns/${zone}/records`, { type: "CNAME", record_name: "alias", content: "target.example.com" });
      await api("POST", `/dns/${zone}/records`, { type: "SRV", service: "_sip", protocol: "UDP", target: "sip.example.com", port: 5060, priority: 5, weight: 1 });
      const byName = await api("GET", `/dns/${zone}/records?type=TXT&record_name=filter`);
      expect(byName.body.map((r: any) => r.content)).toEqual(["hello"]);
      const nameOnly = await api("GET", `/dns/${zone}/records?record_name=filter`);
      expect(nameOnly.body.length).toBeGreaterThan(1);
      const srv = await api("GET", `/dns/${zone}/records?type=SRV&service=_sip`);
      expect(srv.body).toEqual([expect.objectContaining({ type: "SRV", record_name: null, service: "_sip", protocol: "UDP", port: 5060, priority: 5, weight: 1, content: null })]);
      expect((await api("GET", `/dns/${zone}/records?type=SRV&service=_xmpp`)).body).toEqual([]);
    });

    it("refuses to change an SRV record's service, protocol, target or port, but changes its priority", async () => {
      const created = await api("POST", `/dns/${zone}/records`, { type: "SRV", service: "_xmpp", target: "chat.example.com", port: 5222 });
      const path = created.headers.get("location")!.slice(3);
      expect((await api("GET", path)).body).toMatchObject({ protocol: "TCP", priority: 10, weight: 0 });
      for (const change of [{ service: "_jabber" }, { protocol: "UDP" }, { target: "other.example.com" }, { port: 5223 }]) {
        const answer = await api("PUT", path, { type: "SRV", ...change });
        expect(answer.status, JSON.stringify(change)).toBe(400);
        expect(answer.body.validation_errors).toEqual([{ error_code: "not_editable", error_text: expect.stringMatching(new RegExp(`^"${Object.keys(change)[0]}" `)) }]);
      }
      expect((await api("PUT", path, { type: "SRV", service: "_xmpp", protocol: "TCP", priority: 20 })).status).toBe(200);
      expect((await api("GET", path)).body).toMatchObject({ service: "_xmpp", priority: 20, target: "chat.example.com" });
      const retype = await api("PUT", path, { type: "A", content: "192.0.2.1" });
      expect(retype.body.validation_errors[0].error_code).toBe("not_editable");
    });

    it("answers 404 for a zone the reseller does not have", async () => {
      const answer = await api("GET", "/dns/not-mine.be/records");
      expect(answer.status).toBe(404);
      expect((await api("POST", "/dns/not-mine.be/records", { type: "A", content: "192.0.2.1" })).status).toBe(404);
    });
  });

  describe("out-of-band changes", () => {
    it("shows changes made to the store through GET, and forgets what the store lost", async () => {
      const { id, identifier } = await createAccount(api);
      sandbox.store.accounts.get(id)!.identifier = "renamed.be";
      expect((await api("GET", `/accounts/${id}`)).body.identifier).toBe("renamed.be");

      sandbox.store.linuxHostings.get(identifier)!.php_version = "7.4";
      expect((await api("GET", `/linuxhostings/${identifier}`)).body.php_version).toBe("7.4");

      const [record] = sandbox.store.dnsZones.get(identifier)!.values();
      record.content = "198.51.100.7";
      expect((await api("GET", `/dns/${identifier}/records/${record.id}`)).body.content).toBe("198.51.100.7");

      sandbox.store.mailboxes.set(`oob@${identifier}`, {
        name: `oob@${identifier}`, account_id: id, password: "x", max_size: 10, actual_size: 3,
        auto_reply: { enabled: false, subject: null, message: null }, auto_forward: { enabled: false, email_addresses: [], copy_to_myself: false },
      });
      expect((await api("GET", `/mailboxes?domain_name=${identifier}`)).body).toEqual([{ name: `oob@${identifier}`, max_size: 10, actual_size: 3 }]);

      sandbox.store.linuxHostings.delete(identifier);
      expect((await api("GET", `/linuxhostings/${identifier}`)).status).toBe(404);
      sandbox.store.dnsZones.get(identifier)!.clear();
      expect((await api("GET", `/dns/${identifier}/records`)).body).toEqual([]);
    });
  });
});
