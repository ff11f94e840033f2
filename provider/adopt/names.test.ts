import { describe, expect, it } from "vitest";
import { registry } from "../registry";
import type { Found } from "./adopted";
import { baseName, distinct, nameAll, slug, variableName } from "./names";
import { kindWords } from "./scan";

const resource = (token: string) => registry().resources.get(token)!;
const found = (token: string, id: string, inputs: Record<string, unknown>): Found => ({
  resource: resource(token),
  module: token.split(":")[1],
  kind: token.split(":")[2],
  id,
  inputs,
  configInputs: [],
});

describe("adopted resources' names", () => {
  it("come from what the API calls them, as slugs", () => {
    expect(slug("john_mydb")).toBe("john-mydb");
    expect(slug("@")).toBe("");
    expect(baseName(found("hosting:combell:DnsRecord", "example.com/12", { domainName: "example.com", type: "A", recordName: "www", content: "192.0.2.1" }))).toBe(
      "example-com-www-a",
    );
    expect(baseName(found("hosting:combell:Mailbox", "info@example.com", { emailAddress: "info@example.com" }))).toBe("info-example-com");
    expect(baseName(found("hosting:wispanel:Database", "john_mydb", { name: "mydb", user: "mydb" }))).toBe("mydb");
  });

  it("fall back on the id when nothing names a resource", () => {
    expect(baseName(found("hosting:pterodactyl:ServerDatabase", "1/7", { serverId: 1, host: 1 }))).toBe("1-7");
  });

  it("are unique per type, equal ones told apart in the order of their ids, whatever order they come in", () => {
    const a = found("hosting:wispanel:Database", "mary_shop", { name: "shop" });
    const b = found("hosting:wispanel:Database", "john_shop", { name: "shop" });
    // A name that is already some database's own is not handed to a duplicate.
    const own = found("hosting:wispanel:Database", "ann_shop_2", { name: "shop_2" });
    const sameNameOtherType = found("hosting:dbaas:Database", "db_1", { name: "shop" });
    const names = (list: Found[]) => Object.fromEntries(nameAll(list).map((n, i) => [list[i].id, n.name]));
    const expected = { john_shop: "shop", mary_shop: "shop-3", ann_shop_2: "shop-2", db_1: "shop" };
    expect(names([a, b, own, sameNameOtherType])).toEqual(expected);
    expect(names([own, sameNameOtherType, b, a])).toEqual(expected);
  });

  it("give program variables that are identifiers, unique as type and name are", () => {
    expect(variableName("DnsRecord", "example-com-www-a-2")).toBe("dnsRecordExampleComWwwA_2");
    expect(variableName("Server", "1-7")).toBe("server1_7");
    expect(variableName("Server", "17")).toBe("server17");
  });

  it("give distinct variables to names that differ only by a hyphen, and to kinds that spell alike", () => {
    const servers = ["web", "web", "web2", "web-1", "web1"].map((name, i) => found("hosting:serverpilot:Server", `s${i}`, { name }));
    const named = nameAll(servers);
    expect(named.map((n) => n.name)).toEqual(["web", "web-2", "web2", "web-1", "web1"]);
    expect(named.map((n) => n.variable)).toEqual(["serverWeb", "serverWeb_2", "serverWeb2", "serverWeb_1", "serverWeb1"]);
    expect(distinct(["a", "a", "a_2", "a"])).toEqual(["a", "a_3", "a_2", "a_4"]);
  });

  it("number thousands of equal names one after another", () => {
    const many = Array.from({ length: 5000 }, (_, i) => found("hosting:wispanel:Database", `u${String(i).padStart(5, "0")}_shop`, { name: "shop" }));
    const names = nameAll(many).map((n) => n.name);
    expect(names.slice(0, 3)).toEqual(["shop", "shop-2", "shop-3"]);
    expect(new Set(names).size).toBe(5000);
    expect(names.at(-1)).toBe("shop-5000");
  });
});

describe("adoption's progress lines", () => {
  it("count kinds in plain English", () => {
    expect([kindWords("Mailbox", 2), kindWords("DnsRecord", 2), kindWords("LinuxHostingSettings", 2), kindWords("Server", 1)]).toEqual([
      "mailboxes",
      "dns records",
      "linux hosting settings",
      "server",
    ]);
  });
});

describe("adoption's coverage", () => {
  it("finds every kind of resource the provider serves: each has a listing", () => {
    const { resources, listings } = registry();
    expect([...resources.keys()].filter((token) => !listings.has(token))).toEqual([]);
  });
});
