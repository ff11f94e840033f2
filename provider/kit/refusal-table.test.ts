import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ConflictError, ServerError, UnauthorizedError } from "../http/errors";
import { defineApi } from "./api";
import { InputError, RefusalError } from "./errors";
import { field } from "./fields";
import { explainRefusal, type RefusalContext, type RefusalRule } from "./refusal-table";

const api = defineApi({
  name: "Example",
  summary: "things",
  keywords: [],
  config: {
    apiKey: { key: "exampleApiKey", description: "key", secret: true, required: true, env: ["EXAMPLE_API_KEY"] },
  },
  connect: () => ({}),
});

const resource = {
  token: "hosting:example:Thing",
  api,
  inputs: {
    name: field(z.string(), { description: "name" }),
    password: field(z.string(), { description: "password", secret: true }),
  },
};

const context: RefusalContext = { resource, name: "blog", inputs: { name: "blog1", password: "Sekrit-Value-123" }, operation: "create" };

const table: RefusalRule[] = [
  { status: 409, message: /password/, field: "password", problem: "was used before", remedy: "choose a new one" },
  { status: 409, field: "name", problem: "is already taken", remedy: "choose another, or adopt it with {import}" },
];

const refusal = (Kind: typeof ConflictError, status: number, apiMessage: string) => new Kind({ apiName: "Example", status, method: "POST", path: "/things", apiMessage });

describe("explainRefusal", () => {
  it("says the resource, the field with its value, what is wrong and what to do, then what the API said", () => {
    const error = explainRefusal(refusal(ConflictError, 409, "name taken"), context, table) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Example Thing "blog": name "blog1" is already taken; choose another, or adopt it with `pulumi import hosting:example:Thing blog <id>` (Example API POST /things failed with 409 Conflict: name taken)',
    );
    expect(error.failures.map((f) => f.property)).toEqual(["name"]);
  });

  it("never shows the value of a secret input", () => {
    const error = explainRefusal(refusal(ConflictError, 409, "password reused"), context, table) as InputError;
    expect(error.message).toMatch(/^Example Thing "blog": password was used before; choose a new one/);
    expect(error.message).not.toContain("Sekrit");
  });

  it("explains a key the API does not accept by the API's secret config variables, for every API", () => {
    const error = explainRefusal(refusal(UnauthorizedError, 401, "bad key"), context, []) as RefusalError;
    expect(error).toBeInstanceOf(RefusalError);
    expect(error.message).toMatch(/^Example Thing "blog": hosting:exampleApiKey was not accepted by Example \(401 Unauthorized\).*; check hosting:exampleApiKey \(or EXAMPLE_API_KEY\)/);
  });

  it("leaves an answer no rule knows as it was, and names the resource in bad input a backend found itself", () => {
    const broken = refusal(ServerError, 500, "boom");
    expect(explainRefusal(broken, context, table)).toBe(broken);
    const found = explainRefusal(new InputError([{ property: "name", reason: "exists already" }]), context, table) as InputError;
    expect(found.message).toBe('Example Thing "blog": name: exists already');
  });
});
