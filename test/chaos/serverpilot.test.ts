// Seeded chaos through the real plugin against the ServerPilot sandbox: servers, system users,
// apps and databases (real ones on MariaDB) with faults on, actions that fail or hang included.
import { describe } from "vitest";
import { serverPilotPart } from "./programs";
import { describeChaos } from "./runner";

describe("ServerPilot under seeded faults", () => {
  describeChaos({ file: "test/chaos/serverpilot.test.ts", apis: ["ServerPilot"], parts: [serverPilotPart], seeds: [101, 102, 103, 104, 106, 107, 108] });
});
