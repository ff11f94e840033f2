// The values behind a detailed diff's paths and behind refresh drift, as people read them:
// never a secret's content, never the unknown sentinel.
import { describe, expect, it } from "vitest";
import { secret, UNKNOWN } from "../support/secrets";
import { changesBetween, changesFromDetailedDiff, showChange } from "./property-changes";
import { formatPropertyPath, parsePropertyPath, valueAt } from "./property-path";

const shown = (changes: ReturnType<typeof changesBetween>) => changes.map(showChange);

describe("property paths", () => {
  it("reads names, indexes and quoted keys", () => {
    expect(parsePropertyPath("user.password")).toEqual(["user", "password"]);
    expect(parsePropertyPath("domains[1]")).toEqual(["domains", 1]);
    expect(parsePropertyPath('tags["a.b"].x')).toEqual(["tags", "a.b", "x"]);
    expect(formatPropertyPath(["tags", "a.b", 0, "x"])).toBe('tags["a.b"][0].x');
    expect(() => parsePropertyPath("a..b")).toThrow(/not a property path/);
  });

  it("sees through secrets and says so", () => {
    const props = { user: secret({ name: "bloguser", password: "hunter22" }), domains: ["a.com", "b.com"] };
    expect(valueAt(props, ["user", "password"])).toEqual({ found: true, value: "hunter22", secret: true });
    expect(valueAt(props, ["domains", 1])).toEqual({ found: true, value: "b.com", secret: false });
    expect(valueAt(props, ["domains", "length"]).found).toBe(false);
    expect(valueAt(props, ["nothing", "here"]).found).toBe(false);
  });
});

describe("a detailed diff with its values", () => {
  it("shows the old value from the outputs and the new one from the checked inputs", () => {
    const changes = changesFromDetailedDiff(
      { firewall: "update", runtime: "update" },
      { outputs: { firewall: true, runtime: "php7.0", apikey: secret("k") }, inputs: { firewall: true, runtime: "php7.0" } },
      { firewall: false, runtime: "php7.2" },
    );
    expect(shown(changes)).toEqual(["~firewall: true => false", '~runtime: "php7.0" => "php7.2"']);
  });

  it("masks secrets, also inside a secret object, and names unknowns instead of showing the sentinel", () => {
    const changes = changesFromDetailedDiff(
      { "user.password": "update", sysuserId: "update-replace", "wordpress.adminPassword": "update" },
      {
        outputs: { user: secret({ name: "u", password: "old-password" }), sysuserId: "abc" },
        inputs: { wordpress: secret({ adminPassword: "old-admin" }) },
      },
      { user: secret({ name: "u", password: "new-password" }), sysuserId: UNKNOWN, wordpress: { adminPassword: secret("new-admin") } },
    );
    const text = shown(changes).join(", ");
    expect(text).toBe('~user.password: [secret] => [secret], +-sysuserId: "abc" => (known after apply), ~wordpress.adminPassword: [secret] => [secret]');
    expect(text).not.toMatch(/password"|admin"|04da6b54/);
  });

  it("shows only the new value of an addition and only the old value of a removal", () => {
    const changes = changesFromDetailedDiff(
      { "domains[2]": "add", "domains[1]": "delete", customSsl: "add-replace" },
      { outputs: { domains: ["a.com", "b.com"] }, inputs: {} },
      { domains: ["a.com", "c.com", "d.com"], customSsl: secret({ key: "PRIVATE" }) },
    );
    expect(shown(changes)).toEqual(['+domains[2]: "d.com"', '-domains[1]: "b.com"', "+-customSsl: [secret]"]);
  });

  it("falls back to the stored inputs for a path the outputs do not have", () => {
    const changes = changesFromDetailedDiff({ note: "update" }, { outputs: {}, inputs: { note: "x" } }, { note: "y" });
    expect(shown(changes)).toEqual(['~note: "x" => "y"']);
  });

  it("shows unknowns nested in a new value", () => {
    const changes = changesFromDetailedDiff({ user: "update" }, { outputs: { user: { name: "a" } }, inputs: {} }, { user: { name: UNKNOWN } });
    expect(shown(changes)).toEqual(['~user: {name: "a"} => {name: (known after apply)}']);
  });
});

describe("drift between the stored state and the state read back", () => {
  it("lists each leaf that changed, and nothing else", () => {
    const before = { firewall: false, name: "web1", domains: ["a.com", "b.com"], datecreated: 1 };
    const after = { firewall: true, name: "web1", domains: ["a.com", "c.com"], datecreated: 1, lastconn: 5 };
    expect(shown(changesBetween(before, after))).toEqual(["~firewall: false => true", '~domains[1]: "b.com" => "c.com"', "+lastconn: 5"]);
  });

  it("masks what is secret on either side and ignores a secret wrapper that only moved", () => {
    const before = { apikey: secret("old"), user: { name: "u", password: "same" } };
    const after = { apikey: secret("new"), user: secret({ name: "u", password: "same" }) };
    expect(shown(changesBetween(before, after))).toEqual(["~apikey: [secret] => [secret]"]);
  });

  it("reports a list whose length changed as one change", () => {
    expect(shown(changesBetween({ domains: ["a.com"] }, { domains: ["a.com", "b.com"] }))).toEqual(['~domains: ["a.com"] => ["a.com", "b.com"]']);
  });

  it("reports a removed property with its old value", () => {
    expect(shown(changesBetween({ customSsl: secret({ cert: "C" }), x: 1 }, { x: 1 }))).toEqual(["-customSsl: [secret]"]);
  });
});
