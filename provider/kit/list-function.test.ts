import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineApi } from "./api";
import { checkInputs } from "./check";
import type { ResourceContext } from "./context";
import { field } from "./fields";
import { defineListFunction } from "./list-function";
import { defineResource } from "./resource";

const api = defineApi({ name: "Test", summary: "things", keywords: [], config: {}, connect: () => ({}) });

const Record = defineResource({
  token: "hosting:test:Record",
  importId: "<id>",
  description: "r",
  api,
  inputs: { zone: field(z.string(), { description: "z" }), type: field(z.string(), { description: "t" }) },
  outputs: {},
  create: async () => ({ id: "", outputs: {} }),
  read: async () => undefined,
  delete: async () => {},
});

const seen: unknown[] = [];
const getRecords = defineListFunction({
  token: "hosting:test:getRecords",
  description: "d",
  resource: Record,
  listName: "records",
  filters: { type: "Only this type." },
  arguments: { zone: field(z.string(), { description: "The zone to list." }) },
  async list(_ctx, args) {
    seen.push(args);
    return [{ id: "1", type: "A" }, { id: "2", type: "MX" }].map((r) => ({ ...r, zone: args.zone as string }));
  },
  fromApi: (r: { id: string; type: string; zone: string }) => ({ id: r.id, inputs: { zone: r.zone, type: r.type }, outputs: {} }),
});

describe("defineListFunction arguments", () => {
  it("are declared like inputs: a required one is required", () => {
    expect(checkInputs(getRecords, {}).failures).toEqual([{ property: "zone", reason: "is required" }]);
  });

  it("are handed to the listing with the filters, and never compared with the items", async () => {
    const result = await getRecords.invoke({} as ResourceContext, { zone: "example.com", type: "MX" });
    expect(seen).toEqual([{ zone: "example.com", type: "MX" }]);
    expect(result).toEqual({ records: [{ id: "2", zone: "example.com", type: "MX" }] });
  });
});
