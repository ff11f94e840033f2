import { describe, expect, it } from "vitest";
import { checkInputs } from "../../kit/check";
import { metaOf } from "../../kit/fields";
import { endpointBase } from "./api";
import { Database } from "./database";
import { ENGINE_VERSIONS, newestVersion } from "./engines";

describe("the DBaaS endpoint", () => {
  it.each([
    ["https://dbaas.example.com", "https://dbaas.example.com/api/v1"],
    ["https://dbaas.example.com/", "https://dbaas.example.com/api/v1"],
    ["https://dbaas.example.com/api/v1", "https://dbaas.example.com/api/v1"],
    ["https://dbaas.example.com/api/v1/", "https://dbaas.example.com/api/v1"],
    ["https://proxy.example.com/dbaas", "https://proxy.example.com/dbaas/api/v1"],
  ])("%s is served under %s", (endpoint, base) => {
    expect(endpointBase(endpoint)).toBe(base);
  });
});

describe("the engine table", () => {
  it("defaults every engine to its newest version, which Check accepts", () => {
    for (const dbType of Object.keys(ENGINE_VERSIONS) as (keyof typeof ENGINE_VERSIONS)[]) {
      const { inputs, failures } = checkInputs(Database, { name: "n", dbType, planId: "p", region: "r" });
      expect(failures).toEqual([]);
      expect(inputs.version).toBe(newestVersion(dbType));
    }
  });

  it("takes every listed version of an engine and refuses another engine's", () => {
    for (const version of ENGINE_VERSIONS.mysql) expect(checkInputs(Database, { name: "n", dbType: "mysql", version, planId: "p", region: "r" }).failures).toEqual([]);
    expect(checkInputs(Database, { name: "n", dbType: "redis", version: "8.0", planId: "p", region: "r" }).failures).toEqual([
      { property: "version", reason: '"8.0" is not a redis version the DBaaS offers; choose one of 7.0, 7.2' },
    ]);
  });

  it("marks every input replace-on-change and every credential secret", () => {
    for (const [key, schema] of Object.entries(Database.inputs)) expect(metaOf(schema)?.replaceOnChanges, key).toBe(true);
    for (const key of ["host", "port", "username", "password", "database", "sslMode", "connectionString"]) {
      expect(metaOf(Database.outputs[key as keyof typeof Database.outputs])?.secret, key).toBe(true);
    }
  });
});
