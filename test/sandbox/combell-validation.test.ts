// Validation in the Combell sandbox: every body is checked as the OpenAPI and
// the document define it, and refused with the documented 400 shape,
// {"validation_errors":[{"error_code","error_text"}]}, one entry per field.
// Accounts, DNS records and domains here; hostings, mail and MySQL elsewhere.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startCombellSandbox, type CombellSandbox } from "./combell";
import { combellClient, provision, type Answer, type Call } from "./combell-test-client";

let counter = 0;
const uniqueDomain = (prefix = "v") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}.be`;

/** Asserts a 400 in the documented shape whose errors name exactly these fields, in order, with these codes. */
function expectInvalid(answer: Answer, expected: Array<[field: string, code: string]>): void {
  expect(answer.status, answer.text).toBe(400);
  expect(Object.keys(answer.body)).toEqual(["validation_errors"]);
  for (const error of answer.body.validation_errors) expect(Object.keys(error).sort()).toEqual(["error_code", "error_text"]);
  expect(answer.body.validation_errors.map((e: any) => [e.error_text.match(/^"([^"]+)"/)?.[1], e.error_code])).toEqual(expected);
}

describe("Combell sandbox validation", () => {
  let sandbox: CombellSandbox;
  let api: Call;

  beforeAll(async () => {
    sandbox = await startCombellSandbox({ jobDurationMs: 20 });
    api = combellClient(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  describe("accounts", () => {
    it("names every missing field, in the exact documented shape", async () => {
      const answer = await api("POST", "/accounts", {});
      expect(answer.body).toEqual({
        validation_errors: [
          { error_code: "required", error_text: '"identifier" is required.' },
          { error_code: "required", error_text: '"servicepack_id" is required.' },
        ],
      });
    });

    it("refuses unknown fields, wrong types and an unknown servicepack", async () => {
      expectInvalid(await api("POST", "/accounts", { identifier: "a.be", servicepack_id: 3003, name: "x" }), [["name", "unknown_field"]]);
      expectInvalid(await api("POST", "/accounts", { identifier: 7, servicepack_id: "3003" }), [["identifier", "invalid_type"], ["servicepack_id", "invalid_type"]]);
      expectInvalid(await api("POST", "/accounts", { identifier: "a.be", servicepack_id: 9999 }), [["servicepack_id", "invalid_value"]]);
      expectInvalid(await api("POST", "/accounts", { identifier: "a.be", servicepack_id: 2.5 }), [["servicepack_id", "invalid_type"]]);
    });

    it("needs a domain name for a hosting servicepack, and takes it without an FTP password (optional in the OpenAPI)", async () => {
      expectInvalid(await api("POST", "/accounts", { identifier: "not a domain", servicepack_id: 3001, ftp_password: "ftpPass123" }), [["identifier", "invalid_value"]]);
      expectInvalid(await api("POST", "/accounts", { identifier: "https://a.be", servicepack_id: 3001, ftp_password: "ftpPass123" }), [["identifier", "invalid_value"]]);
      expect((await api("POST", "/accounts", { identifier: uniqueDomain(), servicepack_id: 3001 })).status).toBe(202);
    });

    it("applies the document's FTP password rules", async () => {
      const tryPassword = (ftp_password: string) => api("POST", "/accounts", { identifier: uniqueDomain(), servicepack_id: 3001, ftp_password });
      for (const [password, text] of [
        ["short1a", /between 8 and 20/],
        ["abcdefghij1234567890x", /between 8 and 20/],
        ["onlyletters", /at least one digit/],
        ["1234567890", /at least one letter/],
        ["has space1", /cannot contain spaces/],
        ["tab\tinside1", /cannot contain spaces/],
        ...["*", "€", "$", "&", "+", "}", "{", "'", '"', "\\"].map((c) => [`abc${c}12345`, /cannot contain the characters/]),
      ] as Array<[string, RegExp]>) {
        const answer = await tryPassword(password);
        expectInvalid(answer, [["ftp_password", "invalid_value"]]);
        expect(answer.body.validation_errors[0].error_text, password).toMatch(text);
      }
      for (const password of ["abcdefg1", "Pass!@#%word-9", "abcdefghij123456789Z"]) {
        expect((await tryPassword(password)).status, password).toBe(202);
      }
    });

    it("validates the list filters", async () => {
      expectInvalid(await api("GET", "/accounts?asset_type=ftp"), [["asset_type", "invalid_value"]]);
      expect((await api("GET", "/accounts?asset_type=mysql")).status).toBe(200);
    });
  });

  describe("DNS records", () => {
    let zone: string;
    const create = (record: Record<string, unknown>) => api("POST", `/dns/${zone}/records`, record);

    beforeAll(async () => {
      zone = uniqueDomain("dns");
      expect((await provision(api, "/accounts", { identifier: zone, servicepack_id: 3003 })).status).toBe(201);
    });

    it("accepts each of the nine types with its own content", async () => {
      const good = [
        { type: "A", record_name: "", content: "192.0.2.1" },
        { type: "AAAA", record_name: "@", content: "2001:db8::1" },
        { type: "CNAME", record_name: "www", content: "example.com", ttl: 60 },
        { type: "MX", content: "mx.example.com", priority: 0 },
        { type: "MX", content: "mx2.example.com", priority: 9999, ttl: 86400 },
        { type: "TXT", record_name: "_dmarc", content: "v=DMARC1; p=none" },
        { type: "SRV", service: "_sip", protocol: "TLS", target: "sip.example.com", port: 5061 },
        { type: "ALIAS", record_name: "apex", content: "lb.example.net" },
        { type: "CAA", content: "0 issue letsencrypt.org" },
        { type: "CAA", record_name: "mail", content: '128 issuewild ";"' },
        { type: "CAA", record_name: "rep", content: "0 iodef mailto:security@example.com" },
        { type: "TLSA", record_name: "_25._tcp", content: `3 1 1 ${"ab".repeat(32)}` },
        { type: "TXT", record_name: "*", content: "wildcard" },
      ];
      for (const record of good) expect((await create(record)).status, JSON.stringify(record)).toBe(201);
    });

    it("refuses each type's bad content, naming content", async () => {
      const bad = [
        { type: "A", content: "2001:db8::1" },
        { type: "A", content: "192.0.2" },
        { type: "AAAA", content: "192.0.2.1" },
        { type: "CNAME", record_name: "c1", content: "target.example.com." },
        { type: "MX", content: "not a host" },
        { type: "CAA", content: "5 issue letsencrypt.org" },
        { type: "CAA", content: "0 policy letsencrypt.org" },
        { type: "CAA", content: "0 iodef example.com" },
        { type: "TLSA", content: "3 1 1 abcd" },
        { type: "TLSA", content: "4 1 1 ab" },
        { type: "TXT", content: "x".repeat(4097) },
      ];
      for (const record of bad) {
        const answer = await create(record);
        expectInvalid(answer, [["content", answer.body.validation_errors?.[0]?.error_code === "too_long" ? "too_long" : "invalid_value"]]);
      }
      expectInvalid(await create({ type: "A" }), [["content", "required"]]);
    });

    it("checks type, TTL 60-86400 and priority 0-9999", async () => {
      expectInvalid(await create({ type: "NS", content: "ns.example.com" }), [["type", "invalid_value"]]);
      expectInvalid(await create({ type: "a", content: "192.0.2.1" }), [["type", "invalid_value"]]);
      expectInvalid(await create({ content: "192.0.2.1" }), [["type", "required"]]);
      expectInvalid(await create({ type: "A", content: "192.0.2.2", ttl: 59 }), [["ttl", "out_of_range"]]);
      expectInvalid(await create({ type: "A", content: "192.0.2.2", ttl: 86401 }), [["ttl", "out_of_range"]]);
      expectInvalid(await create({ type: "A", content: "192.0.2.2", ttl: "3600" }), [["ttl", "invalid_type"]]);
      expectInvalid(await create({ type: "MX", content: "mx9.example.com", priority: 10000 }), [["priority", "out_of_range"]]);
      expectInvalid(await create({ type: "MX", content: "mx9.example.com", priority: -1 }), [["priority", "out_of_range"]]);
    });

    it("refuses fields that do not apply to the type, and SRV without its parts", async () => {
      expectInvalid(await create({ type: "A", content: "192.0.2.3", priority: 10, port: 80 }), [["priority", "not_applicable"], ["port", "not_applicable"]]);
      expectInvalid(await create({ type: "SRV", record_name: "x", content: "y", service: "_a", target: "t.example.com", port: 1 }), [
        ["record_name", "not_applicable"],
        ["content", "not_applicable"],
      ]);
      expectInvalid(await create({ type: "SRV" }), [["service", "required"], ["target", "required"], ["port", "required"]]);
      expectInvalid(await create({ type: "SRV", service: "_a", protocol: "SCTP", target: "t.example.com", port: 0 }), [
        ["protocol", "invalid_value"],
        ["port", "out_of_range"],
      ]);
      expectInvalid(await create({ type: "TXT", content: "x", colour: "red" }), [["colour", "unknown_field"]]);
      expectInvalid(await create({ type: "TXT", record_name: "bad name", content: "x" }), [["record_name", "invalid_value"]]);
    });

    it("refuses duplicates and CNAMEs that share a name", async () => {
      expect((await create({ type: "TXT", record_name: "dup", content: "same" })).status).toBe(201);
      expectInvalid(await create({ type: "TXT", record_name: "DUP", content: "same" }), [["content", "already_exists"]]);
      expect((await create({ type: "TXT", record_name: "dup", content: "other" })).status).toBe(201);
      expectInvalid(await create({ type: "CNAME", record_name: "dup", content: "x.example.com" }), [["record_name", "already_exists"]]);
      expect((await create({ type: "CNAME", record_name: "cn", content: "x.example.com" })).status).toBe(201);
      expectInvalid(await create({ type: "TXT", record_name: "cn", content: "x" }), [["record_name", "already_exists"]]);
    });

    it("on update, refuses another id in the body", async () => {
      const created = await create({ type: "TXT", record_name: "upd", content: "v1" });
      const path = created.headers.get("location")!.slice(3);
      expectInvalid(await api("PUT", path, { id: "someone-else", type: "TXT", record_name: "upd", content: "v2" }), [["id", "invalid_value"]]);
    });
  });

  describe("domains", () => {
    const registrant = {
      first_name: "Ann", last_name: "Peeters", address: "Kerkstraat 1", postal_code: "9000", city: "Gent",
      country_code: "BE", email: "ann@example.com", phone: "+32.92000000", language_code: "nl",
    };

    it("registers a domain through a job, with default name servers when none are given", async () => {
      const name = uniqueDomain("reg");
      const done = await provision(api, "/domains/registrations", { domain_name: name, name_servers: [] });
      expect(done.body.resource_links).toEqual([`/v2/domains/${name}`]);
      const detail = await api("GET", `/domains/${name}`);
      expect(detail.body).toEqual({
        domain_name: name,
        expiration_date: expect.stringMatching(/Z$/),
        will_renew: true,
        name_servers: [{ name: "ns1.combell.net", ip: null }, { name: "ns2.combell.net", ip: null }, { name: "ns3.combell.net", ip: null }],
        registrant: null,
        can_toggle_renew: true,
      });
      expect((await api("GET", `/dns/${name}/records`)).status).toBe(200);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: name }), [["domain_name", "already_exists"]]);
    });

    it("validates registrations and transfers", async () => {
      expectInvalid(await api("POST", "/domains/registrations", {}), [["domain_name", "required"]]);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: "nodot" }), [["domain_name", "invalid_value"]]);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: uniqueDomain(), name_servers: ["ns1", 5] }), [
        ["name_servers[0]", "invalid_value"],
        ["name_servers[1]", "invalid_type"],
      ]);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: uniqueDomain(), registrant: { ...registrant, email: "nope", phone: "0470" } }), [
        ["registrant.email", "invalid_value"],
        ["registrant.phone", "invalid_value"],
      ]);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: uniqueDomain(), registrant: { first_name: "Ann" } }), [
        ["registrant.last_name", "required"], ["registrant.address", "required"], ["registrant.postal_code", "required"], ["registrant.city", "required"],
        ["registrant.country_code", "required"], ["registrant.email", "required"], ["registrant.phone", "required"],
      ]);
      const ca = `maple${counter++}.ca`;
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: ca, registrant }), [["domain_name", "invalid_value"]]);
      expect((await api("POST", "/domains/registrations", { domain_name: ca, registrant: { ...registrant, country_code: "CA" } })).status).toBe(202);
      expectInvalid(await api("POST", "/domains/transfers", { domain_name: uniqueDomain() }), [["auth_code", "required"]]);
      expectInvalid(await api("POST", "/domains/registrations", { domain_name: uniqueDomain(), auth_code: "x" }), [["auth_code", "unknown_field"]]);
      const transferred = await provision(api, "/domains/transfers", { domain_name: uniqueDomain("tr"), auth_code: "AUTH-123", registrant });
      expect(transferred.status).toBe(201);
    });

    it("changes name servers (204) and the renewal flag, when it may be toggled", async () => {
      const name = uniqueDomain("ns");
      await provision(api, "/domains/registrations", { domain_name: name });
      expect((await api("PUT", `/domains/${name}/nameservers`, { domain_name: name, name_servers: ["ns1.host.be", "NS2.host.be"] })).status).toBe(204);
      expect((await api("GET", `/domains/${name}`)).body.name_servers).toEqual([{ name: "ns1.host.be", ip: null }, { name: "ns2.host.be", ip: null }]);
      expectInvalid(await api("PUT", `/domains/${name}/nameservers`, { name_servers: [] }), [["name_servers", "too_short"]]);
      expectInvalid(await api("PUT", `/domains/${name}/nameservers`, { domain_name: "other.be", name_servers: ["ns1.host.be"] }), [["domain_name", "invalid_value"]]);
      expect((await api("PUT", `/domains/${name}/nameservers`, { name_servers: ["ns1.host.be"] })).status).toBe(204);

      expect((await api("PUT", `/domains/${name}/renew`, { will_renew: false })).status).toBe(204);
      expect((await api("GET", "/domains?take=25")).body.find((d: any) => d.domain_name === name).will_renew).toBe(false);
      expectInvalid(await api("PUT", `/domains/${name}/renew`, { will_renew: "no" }), [["will_renew", "invalid_type"]]);
      sandbox.store.domains.get(name)!.can_toggle_renew = false;
      const refused = await api("PUT", `/domains/${name}/renew`, { will_renew: true });
      expect(refused.body.validation_errors[0].error_code).toBe("renew_not_toggleable");
      expect((await api("PUT", "/domains/unknown-domain.be/renew", { will_renew: true })).status).toBe(404);
    });
  });
});
