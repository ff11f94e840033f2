// Seeded chaos through the real plugin against the reseller API's sandbox: accounts (provisioned
// through jobs that may fail or hang), DNS records, mailboxes and MySQL databases (real ones on
// MariaDB) with faults on.
import { describe } from "vitest";
import { Deployment } from "../harness/deployment";
import { combellPart } from "./programs";
import { describeChaos } from "./runner";
import type { ChaosWorld } from "./world";

const FIXTURE_DOMAIN = "chaos.example.com";
let accountId = 0;

/** The account the records, mailboxes and databases of every run hang off, made before any fault. */
async function makeAccount(world: ChaosWorld): Promise<void> {
  const fixtures = new Deployment(world.plugin, "fixtures");
  accountId = Number((await fixtures.register("hosting:combell:Account", "base", { identifier: FIXTURE_DOMAIN, servicepackId: 3001 })).state!.id);
}

describe("Combell under seeded faults", () => {
  describeChaos({
    file: "test/chaos/combell.test.ts",
    apis: ["Combell"],
    prepare: makeAccount,
    parts: [combellPart({ accountId: () => accountId, domain: FIXTURE_DOMAIN })],
    seeds: [201, 202, 203, 204, 205, 206, 207, 208],
    scope: () => ({ combellZones: [FIXTURE_DOMAIN] }),
  });
});
