// Seeded chaos through the real plugin against the ServerPilot sandbox: servers, system users,
// apps and databases (real ones on MariaDB) with faults on, actions that fail or hang included.
import { afterAll, beforeAll, describe } from "vitest";
import { serverPilotPart } from "./programs";
import { describeChaos } from "./runner";
import { startChaosWorld, type ChaosWorld } from "./world";

let world: ChaosWorld;

beforeAll(async () => {
  world = await startChaosWorld(["ServerPilot"]);
});

afterAll(async () => {
  await world?.stop();
});

describe("ServerPilot under seeded faults", () => {
  describeChaos({ file: "test/chaos/serverpilot.test.ts", world: () => world, parts: [serverPilotPart], seeds: [101, 102, 103, 104, 106, 107, 108] });
});
