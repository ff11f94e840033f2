import { describe, expect, it } from "vitest";
import { checkConfigValues, validateEndpoint } from "./config";

const variables = [{ key: "exampleEndpoint", description: "d", env: ["EXAMPLE_ENDPOINT"], default: "https://api.example.com", validate: validateEndpoint }];

describe("checkConfigValues", () => {
  it("refuses a list or an object by its key instead of taking it as unset (which would leave the default endpoint)", () => {
    expect(checkConfigValues(variables, { exampleEndpoint: ["http://127.0.0.1:1"] })).toEqual([{ property: "exampleEndpoint", reason: "must be a string, not a list" }]);
    expect(checkConfigValues(variables, { exampleEndpoint: { url: "http://127.0.0.1:1" } })).toEqual([{ property: "exampleEndpoint", reason: "must be a string, not an object" }]);
  });

  it("takes null as unset, and checks numbers and booleans as their text", () => {
    expect(checkConfigValues(variables, { exampleEndpoint: null })).toEqual([]);
    expect(checkConfigValues(variables, { exampleEndpoint: 5 })[0]?.reason).toMatch(/^must be an absolute URL/);
  });
});

describe("validateEndpoint", () => {
  it("repeats a URL it cannot parse without the user name and password in it", () => {
    const reason = validateEndpoint("https://user:S3cr3t-Value@exa mple.com/v1");
    expect(reason).toBe('must be an absolute URL such as https://api.example.com/v1, got "https://***@exa mple.com/v1"');
  });
});
