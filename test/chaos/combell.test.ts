// Seeded chaos through the real plugin against the reseller API's sandbox: accounts (provisioned
// through jobs that may fail or hang), DNS records, mailboxes and MySQL databases (real ones on
// MariaDB) with faults on.
import { afterAll, beforeAll, describe } from "vitest";
import { Deployment } from "../harness/deployment";
import { combellPart } from "./programs";
import { describeChaos } from "./runner";
import { startChaosWorld, type ChaosWorld } from "./world";

const FIXTURE_DOMAIN = "chaos.example.com";
let world: ChaosWorld;
let accountId = 0;

beforeAll(async () => {
  world = await startChaosWorld(["Combell"]);
  // The account the records, mailboxes and databases of every run hang off, made before any fault.
  const fixtures = new Deployment(world.plugin, "fixtures");
  accountId = Number((await fixtures.register("hosting:combell:Account", "base", { identifier: FIXTURE_DOMAIN, servicepackId: 3001 })).state!.id);
});

afterAll(async () => {
  await world?.stop();
});

describe("Combell under seeded faults", () => {
  describeChaos({
    file: "test/chaos/combell.test.ts",
    world: () => world,
    parts: [combellPart({ accountId: () => accountId, domain: FIXTURE_DOMAIN })],
    seeds: [201, 202, 203, 204, 205, 206, 207, 208],
    scope: () => ({ combellZones: [FIXTURE_DOMAIN] }),
  });
});
