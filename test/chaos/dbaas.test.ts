// Seeded chaos through the real plugin against the DBaaS sandbox: PostgreSQL, MySQL, Redis and
// MongoDB databases (real servers behind the first three), whose provisioning may fail or hang.
import { describe } from "vitest";
import { dbaasPart } from "./programs";
import { describeChaos } from "./runner";

describe("DBaaS under seeded faults", () => {
  describeChaos({ file: "test/chaos/dbaas.test.ts", apis: ["DBaaS"], parts: [dbaasPart], seeds: [401, 402, 403, 404, 405, 406] });
});
