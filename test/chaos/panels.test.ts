// Seeded chaos through one plugin serving two APIs at once: the game-server panel's databases
// and WisPanel's (each a real database and user on MariaDB), in programs of one API or both.
import { describe } from "vitest";
import { pterodactylPart, wisPanelPart } from "./programs";
import { describeChaos } from "./runner";

describe("Pterodactyl and WisPanel under seeded faults", () => {
  describeChaos({ file: "test/chaos/panels.test.ts", apis: ["Pterodactyl", "WisPanel"], parts: [pterodactylPart, wisPanelPart], seeds: [301, 302, 303, 304, 305, 306, 307, 308, 309, 310], rate: 0.15 });
});
