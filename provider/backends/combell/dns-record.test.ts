import { describe, expect, it } from "vitest";
import { checkInputs } from "../../kit/check";
import { diffInputs } from "../../kit/diff";
import { UNKNOWN } from "../../kit/values";
import { DnsRecord, recordFromApi } from "./dns-record";

// Check of a DNS record, per type: what applies, what is required, what the content must be,
// and the defaults of the types that have them.
const check = (news: Record<string, unknown>) => checkInputs(DnsRecord, { domainName: "example.com", ...news });

describe("DnsRecord Check", () => {
  it("fills in the defaults each type has: ttl, the domain itself as name, MX's priority", () => {
    expect(check({ type: "A", content: "192.0.2.10" })).toEqual({
      inputs: { domainName: "example.com", type: "A", recordName: "@", ttl: 3600, content: "192.0.2.10" },
      failures: [],
    });
    expect(check({ type: "MX", content: "mail.example.com" }).inputs).toMatchObject({ priority: 10, recordName: "@" });
  });

  it("fills in SRV's priority, weight and protocol, and gives it no name", () => {
    expect(check({ type: "SRV", service: "_sip", target: "sip.example.com", port: 5060 })).toEqual({
      inputs: { domainName: "example.com", type: "SRV", ttl: 3600, service: "_sip", target: "sip.example.com", port: 5060, priority: 10, weight: 0, protocol: "TCP" },
      failures: [],
    });
  });

  it("refuses what does not apply to the type, naming the field and the types it is for", () => {
    expect(check({ type: "A", content: "192.0.2.10", priority: 5, port: 80 }).failures).toEqual([
      { property: "priority", reason: "does not apply to A records; it is for MX and SRV records" },
      { property: "port", reason: "does not apply to A records; it is for SRV records" },
    ]);
    expect(check({ type: "SRV", service: "_sip", target: "sip.example.com", port: 5060, recordName: "www", content: "x" }).failures).toEqual([
      { property: "recordName", reason: "does not apply to SRV records; it is for A, AAAA, CAA, CNAME, MX, TXT, ALIAS and TLSA records" },
      { property: "content", reason: "does not apply to SRV records; it is for A, AAAA, CAA, CNAME, MX, TXT, ALIAS and TLSA records" },
    ]);
  });

  it("requires what the type cannot do without", () => {
    expect(check({ type: "TXT" }).failures).toEqual([{ property: "content", reason: "is required for TXT records" }]);
    expect(check({ type: "SRV" }).failures).toEqual([
      { property: "service", reason: "is required for SRV records" },
      { property: "target", reason: "is required for SRV records" },
      { property: "port", reason: "is required for SRV records" },
    ]);
  });

  it.each([
    ["A", "2001:db8::1", "must be an IPv4 address for an A record, such as 192.0.2.10"],
    ["AAAA", "192.0.2.10", "must be an IPv6 address for an AAAA record, such as 2001:db8::10"],
    ["CNAME", "not a host", "must be the canonical host name for a CNAME record, such as www.example.net"],
    ["ALIAS", "-bad-.example.com", "must be the canonical host name for an ALIAS record, such as www.example.net"],
    ["MX", "mail", "must be the fully qualified name of the mail host for an MX record, such as mail.example.com"],
    ["CAA", "1 issue letsencrypt.org", expect.stringContaining('must be "{flag} {tag} {ca}" for a CAA record')],
    ["TLSA", "3 1 1 xyz", expect.stringContaining('must be "{usage} {selector} {matching type} {data}" for a TLSA record')],
    ["TLSA", "3 1 1 abcd", "must have data of 64 hex digits for matching type 1 (SHA-256), 128 for 2 (SHA-512), or whole bytes for 0"],
    ["CNAME", "www.example.net.", "must be the canonical host name for a CNAME record, such as www.example.net, without the trailing dot"],
    ["MX", "192.0.2.1", "must be the fully qualified name of the mail host for an MX record, such as mail.example.com"],
  ])("checks a %s record's content %s", (type, content, reason) => {
    expect(check({ type, content }).failures).toEqual([{ property: "content", reason }]);
  });

  it.each([
    ["A", "192.0.2.10"],
    ["AAAA", "2001:db8::10"],
    ["CNAME", "www.example.net"],
    ["ALIAS", "lb.example.net"],
    ["MX", "mail.example.com"],
    ["TXT", "v=spf1 include:_spf.example.com ~all"],
    ["CAA", "0 issue letsencrypt.org"],
    ["TLSA", "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"],
  ])("accepts a %s record with content %s", (type, content) => {
    expect(check({ type, content }).failures).toEqual([]);
  });

  it("takes SRV's protocol TCP, UDP or TLS in any case", () => {
    const srv = { type: "SRV", service: "_sip", target: "sip.example.com", port: 5060 };
    expect(check({ ...srv, protocol: "tls" }).failures).toEqual([]);
    expect(check({ ...srv, protocol: "SCTP" }).failures).toEqual([{ property: "protocol", reason: "must be TCP, UDP or TLS" }]);
  });

  it("checks each field's own range and form before the type's rules", () => {
    expect(check({ type: "MX", content: "mail.example.com", priority: 10000, ttl: 30 }).failures).toEqual([
      { property: "ttl", reason: "must be 60 to 86400 seconds" },
      { property: "priority", reason: "must be 0 to 9999" },
    ]);
    expect(check({ type: "A", content: "192.0.2.10", recordName: "bad name" }).failures).toEqual([
      { property: "recordName", reason: 'must be "@" or a name within the domain such as www, *.shop or _25._tcp' },
    ]);
    expect(check({ type: "NS", content: "ns1.example.com" }).failures).toEqual([
      { property: "type", reason: "must be one of A, AAAA, CAA, CNAME, MX, TXT, SRV, ALIAS, TLSA" },
    ]);
  });

  it("waits for a type not known yet before applying its rules and defaults", () => {
    expect(check({ type: UNKNOWN, content: "192.0.2.10" })).toEqual({
      inputs: { domainName: "example.com", type: UNKNOWN, ttl: 3600, content: "192.0.2.10" },
      failures: [],
    });
  });
});

describe("DnsRecord Diff", () => {
  const srv = { domainName: "example.com", type: "SRV", ttl: 3600, service: "_sip", protocol: "TCP", target: "sip.example.com", port: 5060, priority: 10, weight: 0 };

  it("replaces an SRV record whose service, protocol, target or port changes, creating the new one first", () => {
    for (const change of [{ service: "_xmpp" }, { protocol: "UDP" }, { target: "sip2.example.com" }, { port: 5061 }]) {
      const diff = diffInputs(DnsRecord as never, srv, { ...srv, ...change });
      expect(diff.replaces).toEqual(Object.keys(change));
      expect(diff.deleteBeforeReplace).toBe(false);
    }
  });

  it("changes SRV's priority and weight, and any record's name, content and ttl, in place", () => {
    expect(diffInputs(DnsRecord as never, srv, { ...srv, priority: 20, weight: 5, ttl: 600 }).replaces).toEqual([]);
    const a = { domainName: "example.com", type: "A", recordName: "www", ttl: 3600, content: "192.0.2.10" };
    expect(diffInputs(DnsRecord as never, a, { ...a, recordName: "web", content: "192.0.2.11" }).replaces).toEqual([]);
  });

  it("compares names as the API does: case, '' and '@', a trailing dot", () => {
    const a = { domainName: "example.com", type: "CNAME", recordName: "@", ttl: 3600, content: "x.example.net" };
    expect(diffInputs(DnsRecord as never, a, { ...a, recordName: "", domainName: "Example.COM." }).detailedDiff).toEqual({});
  });

  it("deletes first when a record keeps its name under another type: a CNAME shares its name with nothing", () => {
    const a = { domainName: "example.com", type: "A", recordName: "www", ttl: 3600, content: "192.0.2.10" };
    const diff = diffInputs(DnsRecord as never, a, { ...a, type: "CNAME", content: "lb.example.net" });
    expect(diff.replaces).toEqual(["type"]);
    expect(diff.deleteBeforeReplace).toBe(true);
  });
});

describe("DnsRecord read", () => {
  it("maps only the properties the type has, whatever else the API sends", () => {
    const data = { id: "r1", type: "a", record_name: "", ttl: 600, content: "192.0.2.10", service: "", target: "", protocol: "TCP", priority: 10, port: 0, weight: 0 };
    expect(recordFromApi("example.com", data)).toEqual({
      id: "example.com/r1",
      inputs: { domainName: "example.com", type: "A", ttl: 600, recordName: "@", content: "192.0.2.10" },
      outputs: { recordId: "r1" },
    });
  });
});
