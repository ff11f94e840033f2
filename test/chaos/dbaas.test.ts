// Seeded chaos through the real plugin against the DBaaS sandbox: PostgreSQL, MySQL, Redis and
// MongoDB databases (real servers behind the first three), whose provisioning may fail or hang.
import { afterAll, beforeAll, describe } from "vitest";
import { dbaasPart } from "./programs";
import { describeChaos } from "./runner";
import { startChaosWorld, type ChaosWorld } from "./world";

let world: ChaosWorld;

beforeAll(async () => {
  world = await startChaosWorld(["DBaaS"]);
});

afterAll(async () => {
  await world?.stop();
});

describe("DBaaS under seeded faults", () => {
  describeChaos({ file: "test/chaos/dbaas.test.ts", world: () => world, parts: [dbaasPart], seeds: [401, 402, 403, 404, 405, 406] });
});
