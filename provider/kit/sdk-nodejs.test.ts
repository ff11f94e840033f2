import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineApi } from "./api";
import { field } from "./fields";
import { defineFunction } from "./resource";
import { buildSchema } from "./schema";
import { generateNodejsSdk } from "./sdk-nodejs";

// What a program sees of a function in the generated SDK.

const api = defineApi({ name: "Test", summary: "things", keywords: [], config: {}, connect: () => ({}) });
const getLogin = defineFunction({
  token: "hosting:test:getLogin",
  // Prose that ends in a module's name, as "the stack outputs." does.
  description: "A login; the latest is in the stack outputs.",
  api,
  inputs: {
    id: field(z.string(), { description: "Whose." }),
    note: field(z.string().optional(), { description: "Why." }),
  },
  outputs: { url: field(z.string(), { description: "Where." }) },
  invoke: async () => ({ url: "https://example.com" }),
});
const schema = buildSchema({ apis: [api], resources: new Map(), functions: new Map([[getLogin.token, getLogin as never]]) }, "1.0.0");
const file = generateNodejsSdk(schema).get("test/getLogin.ts")!;

describe("a function in the Node.js SDK", () => {
  it("has an Output form whose arguments may be Outputs (another resource's id), sent by name", () => {
    expect(file).toContain("export function getLoginOutput(args: GetLoginOutputArgs, opts?: pulumi.InvokeOutputOptions)");
    expect(file).toMatch(/export interface GetLoginOutputArgs \{[^}]*id: pulumi\.Input<string>;[^}]*note\?: pulumi\.Input<string>;/);
    expect(file).toContain(`"id": args.id,`);
    // Spreading an Output would send its own fields instead of its value.
    const outputForm = file.slice(file.indexOf("export function getLoginOutput"), file.indexOf("export interface"));
    expect(outputForm).not.toContain("...(args");
  });

  it("imports only the modules its code uses, whatever its descriptions say", () => {
    expect(file).not.toContain(`import * as outputs`);
    expect(file).toContain(`import * as pulumi from "@pulumi/pulumi";`);
  });
});
