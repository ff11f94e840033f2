import { describe, expect, it } from "vitest";
import { urnName, urnType } from "./urn";

describe("urn", () => {
  it("reads the name and the resource's own type, also under a parent", () => {
    expect(urnName("urn:pulumi:dev::shop::hosting:wispanel:Database::orders")).toBe("orders");
    expect(urnType("urn:pulumi:dev::shop::hosting:wispanel:Database::orders")).toBe("hosting:wispanel:Database");
    expect(urnType("urn:pulumi:dev::shop::hosting:combell:Account$hosting:combell:DnsRecord::www")).toBe("hosting:combell:DnsRecord");
  });

  it("gives nothing for a type where there is no URN, and the whole text as the name", () => {
    expect(urnType("")).toBe("");
    expect(urnName("orders")).toBe("orders");
  });
});
