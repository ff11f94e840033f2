import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineApi } from "./api";
import { checkInputs } from "./check";
import type { ResourceContext } from "./context";
import { field } from "./fields";
import { defineListFunction } from "./list-function";
import { defineResource } from "./resource";
import { NotFoundError } from "../http/errors";

const api = defineApi({ name: "Test", summary: "things", keywords: [], config: {}, connect: () => ({}) });

const Record = defineResource({
  token: "hosting:test:Record",
  importId: "<id>",
  importExample: "1",
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
  everyArgument: async () => [{ zone: "a.example" }, { zone: "gone.example" }, { zone: "b.example" }],
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

describe("defineListFunction's listing", () => {
  it("lists every argument everyArgument gives, a 404 for one meaning it holds none", async () => {
    const listing = defineListFunction({
      token: "hosting:test:getZoneRecords",
      description: "d",
      resource: Record,
      listName: "records",
      arguments: { zone: field(z.string(), { description: "The zone to list." }) },
      async list(_ctx, args) {
        if (args.zone === "gone.example") throw new NotFoundError({ apiName: "Test", status: 404, method: "GET", path: "/zones/gone.example" });
        return [{ id: `${args.zone}/1` }];
      },
      fromApi: (r: { id: string }) => ({ id: r.id, inputs: {}, outputs: {} }),
      everyArgument: async () => [{ zone: "a.example" }, { zone: "gone.example" }, { zone: "b.example" }],
    }).listing!;
    expect(listing.resource).toBe(Record);
    expect(await listing.ids({} as ResourceContext)).toEqual(["a.example/1", "b.example/1"]);
  });

  it("must be declared for a function with a required argument, or adoption could not find its items", () => {
    expect(() =>
      defineListFunction({
        token: "hosting:test:getOthers",
        description: "d",
        resource: Record,
        listName: "records",
        arguments: { zone: field(z.string(), { description: "The zone to list." }) },
        list: async () => [],
        fromApi: (r: { id: string }) => ({ id: r.id, inputs: {}, outputs: {} }),
      }),
    ).toThrow("hosting:test:getOthers takes zone: it must declare everyArgument, the values that list every Record");
  });
});
