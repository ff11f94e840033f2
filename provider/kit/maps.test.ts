import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineApi } from "./api";
import { checkInputs } from "./check";
import { Changes, diffInputs } from "./diff";
import { generateDocs } from "./docs";
import { field } from "./fields";
import { keyPath } from "./paths";
import { managedInputs, observedInputs, reconcileInputs } from "./reconcile";
import { defineResource } from "./resource";
import { buildSchema } from "./schema";
import { generateNodejsSdk } from "./sdk-nodejs";
import { declaredSecretStrings, wrapDeclaredSecrets } from "./secrets";
import { boundedString } from "./strings";
import { UNKNOWN } from "./values";

// Maps (z.record with string keys): a setting per site or per host name, written as
// `{ "example.com": true }` in a program, diffed and applied key by key.

const hostName = boundedString(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a host name such as www.example.com");
const shape = {
  name: field(z.string(), { description: "n", replaceOnChanges: true }),
  http2: field(z.record(hostName, z.boolean()).optional(), { description: "per site" }),
  letsEncrypt: field(z.record(hostName, z.boolean()).optional(), { description: "per host name, partly readable", writeOnly: true }),
  tokens: field(z.record(z.string(), field(z.string(), { description: "t", secret: true })).optional(), { description: "secret values" }),
};
const declaration = { token: "hosting:test:Settings", inputs: shape };

describe("a map input", () => {
  it("diffs key by key, with the engine's bracket paths for keys that are not plain names", () => {
    const olds = { name: "a", http2: { "a.be": true, "b.be": false, "c.be": true } };
    const news = { name: "a", http2: { "a.be": true, "b.be": true, "d.be": false } };
    expect(diffInputs(declaration, olds, news).detailedDiff).toEqual({
      'http2["b.be"]': { kind: "update", replace: false },
      'http2["c.be"]': { kind: "delete", replace: false },
      'http2["d.be"]': { kind: "add", replace: false },
    });
    expect(diffInputs(declaration, olds, { ...olds, http2: { "c.be": true, "b.be": false, "a.be": true } }).detailedDiff).toEqual({});
    // A map the program starts or stops setting is one change of the whole property.
    expect(diffInputs(declaration, { name: "a" }, news).detailedDiff).toEqual({ http2: { kind: "add", replace: false } });
    expect(diffInputs(declaration, olds, { ...olds, http2: { ...olds.http2, "b.be": UNKNOWN } }).detailedDiff).toEqual({
      'http2["b.be"]': { kind: "update", replace: false },
    });
  });

  it("tells an update which keys changed", () => {
    const changes = new Changes(diffInputs(declaration, { name: "a", http2: { "a.be": true } }, { name: "a", http2: { "a.be": false } }).detailedDiff);
    expect(keyPath("http2", "a.be")).toBe('http2["a.be"]');
    expect(changes.has(keyPath("http2", "a.be"))).toBe(true);
    expect(changes.has("http2")).toBe(true);
    expect(keyPath("http2", "plain")).toBe("http2.plain");
  });

  it("checks keys and values by their own rules, naming the key", () => {
    expect(checkInputs(declaration, { name: "a", http2: { "Bad Key": true, "a.be": "yes" } }).failures).toEqual([
      { property: 'http2["Bad Key"]', reason: "the key must be a host name such as www.example.com" },
      { property: 'http2["a.be"]', reason: "must be of type boolean" },
    ]);
    expect(checkInputs(declaration, { name: "a", http2: { ["x".repeat(300)]: true } }).failures).toEqual([
      { property: "http2[key]", reason: "must be at most 253 characters" },
    ]);
  });

  it("on refresh keeps the last applied spelling, and a partly readable one keeps the keys the API leaves out", () => {
    expect(reconcileInputs(shape, { http2: { "a.be": true } }, { http2: { "a.be": true, "b.be": true } })).toEqual({ http2: { "a.be": true } });
    expect(reconcileInputs(shape, { letsEncrypt: { "a.be": false } }, { letsEncrypt: { "a.be": true, "b.be": true } })).toEqual({
      letsEncrypt: { "a.be": false, "b.be": true },
    });
  });

  it("wraps secret values and finds their strings", () => {
    expect(wrapDeclaredSecrets(shape, { tokens: { a: "s1" } })).toEqual({ tokens: { a: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s1" } } });
    expect(declaredSecretStrings(shape, { tokens: { a: "s1", b: "s2" } })).toEqual(["s1", "s2"]);
  });

  it("is a map in the schema, the SDK and the docs", () => {
    const api = defineApi({ name: "Test", summary: "things", keywords: [], config: {}, connect: () => ({}) });
    const Settings = defineResource({
      ...declaration,
      description: "d",
      importId: "<name>",
      importExample: "web",
      api,
      outputs: {},
      create: async () => ({ id: "", outputs: {} }),
      read: async () => undefined,
      delete: async () => {},
    });
    const schema = buildSchema({ apis: [api], resources: new Map([[Settings.token, Settings as never]]), functions: new Map() }, "1.0.0");
    expect(schema.resources[Settings.token].inputProperties.http2).toEqual({ type: "object", additionalProperties: { type: "boolean" }, description: "per site" });
    expect(generateNodejsSdk(schema).get("test/settings.ts")).toContain("http2?: pulumi.Input<{ [key: string]: pulumi.Input<boolean> }>;");
    expect(generateDocs({ apis: [api], resources: new Map([[Settings.token, Settings as never]]), functions: new Map() }).get("test.md")).toContain("| `http2` | map of boolean |");
  });
});

describe("a resource that manages only the inputs the program sets", () => {
  const observed = { name: "a", http2: { "a.be": true, "b.be": false }, letsEncrypt: { "a.be": false } };

  it("refreshes only those inputs, and only the map keys it set", () => {
    expect(managedInputs(shape, observed, { name: "a", http2: { "a.be": false } })).toEqual({ name: "a", http2: { "a.be": true } });
    expect(observedInputs({ inputs: shape, managesOnlySetInputs: true }, observed, { name: "a", letsEncrypt: { "b.be": true } })).toEqual({
      name: "a",
      letsEncrypt: { "b.be": true },
    });
  });

  it("imports everything readable", () => {
    expect(observedInputs({ inputs: shape, managesOnlySetInputs: true }, observed, undefined)).toEqual(observed);
  });

  it("sees no change in an input or a map key the program stops setting", () => {
    const olds = { name: "a", http2: { "a.be": true, "b.be": true }, letsEncrypt: { "a.be": true } };
    expect(diffInputs({ inputs: shape, managesOnlySetInputs: true }, olds, { name: "a", http2: { "a.be": false } }).detailedDiff).toEqual({
      'http2["a.be"]': { kind: "update", replace: false },
    });
    expect(diffInputs({ inputs: shape }, olds, { name: "a", http2: { "a.be": true, "b.be": true } }).detailedDiff).toEqual({ letsEncrypt: { kind: "delete", replace: false } });
  });

  it("is an ordinary resource without the mark", () => {
    expect(observedInputs({ inputs: shape }, observed, { name: "a" })).toEqual(observed);
  });
});
